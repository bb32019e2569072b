/// `S` (protocol 2): the start of a block of changes of an in-progress transaction.
public struct StreamStartMessage: Hashable, Sendable {
    /// The top-level transaction ID.
    public var xid: UInt32
    /// Whether this is the transaction's first streamed block.
    public var isFirstSegment: Bool

    /// Creates a message.
    public init(xid: UInt32, isFirstSegment: Bool) {
        self.xid = xid
        self.isFirstSegment = isFirstSegment
    }

    /// Decodes the fields after the type byte.
    public static func decode(from reader: inout ByteReader) throws(PgOutputDecodingError) -> StreamStartMessage {
        let xid = try reader.uint32("xid")
        let flagOffset = reader.offset
        let first = try reader.uint8("first-segment flag")
        guard first <= 1 else {
            throw reader.error(.unexpectedByte, at: flagOffset, expected: "first-segment flag 0 or 1, got \(first)")
        }
        return StreamStartMessage(xid: xid, isFirstSegment: first == 1)
    }
}
