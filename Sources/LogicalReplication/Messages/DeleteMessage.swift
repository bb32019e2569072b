/// `D`: a row deleted.
public struct DeleteMessage: Hashable, Sendable {
    /// The (sub)transaction ID, present only inside a streamed block.
    public var xid: UInt32?
    /// The relation OID (described by an earlier `R`).
    public var relationOID: UInt32
    /// The old key (`K`) or old row (`O`, REPLICA IDENTITY FULL).
    public var oldTuple: OldTuple

    /// Creates a message.
    public init(xid: UInt32? = nil, relationOID: UInt32, oldTuple: OldTuple) {
        self.xid = xid
        self.relationOID = relationOID
        self.oldTuple = oldTuple
    }

    /// Decodes the fields after the type byte (and the xid inside a streamed block).
    public static func decode(from reader: inout ByteReader, inStreamBlock: Bool) throws(PgOutputDecodingError) -> DeleteMessage {
        let xid = inStreamBlock ? try reader.uint32("streamed xid") : nil
        let oid = try reader.uint32("relation OID")
        let markerOffset = reader.offset
        let byte = try reader.uint8("'K' or 'O' marker")
        guard let marker = OldTuple.Marker(rawValue: byte) else {
            throw reader.error(.unexpectedByte, at: markerOffset, expected: "'K' or 'O' marker, got 0x\(String(byte, radix: 16))")
        }
        return DeleteMessage(xid: xid, relationOID: oid, oldTuple: try OldTuple.decode(marker: marker, from: &reader))
    }
}
