/// `U`: a row updated.
public struct UpdateMessage: Hashable, Sendable {
    /// The (sub)transaction ID, present only inside a streamed block.
    public var xid: UInt32?
    /// The relation OID (described by an earlier `R`).
    public var relationOID: UInt32
    /// The old key (`K`, when the key changed) or old row (`O`, REPLICA IDENTITY FULL); nil otherwise.
    public var oldTuple: OldTuple?
    /// The new row; may contain `u` (unchanged TOAST) columns.
    public var newTuple: TupleData

    /// Creates a message.
    public init(xid: UInt32? = nil, relationOID: UInt32, oldTuple: OldTuple?, newTuple: TupleData) {
        self.xid = xid
        self.relationOID = relationOID
        self.oldTuple = oldTuple
        self.newTuple = newTuple
    }

    /// Decodes the fields after the type byte (and the xid inside a streamed block).
    public static func decode(from reader: inout ByteReader, inStreamBlock: Bool) throws(PgOutputDecodingError) -> UpdateMessage {
        let xid = inStreamBlock ? try reader.uint32("streamed xid") : nil
        let oid = try reader.uint32("relation OID")
        let markerOffset = reader.offset
        let marker = try reader.uint8("'K', 'O' or 'N' marker")
        var oldTuple: OldTuple?
        if let oldMarker = OldTuple.Marker(rawValue: marker) {
            oldTuple = try OldTuple.decode(marker: oldMarker, from: &reader)
            try reader.expectTupleMarker("N", for: "new tuple")
        } else if marker != UInt8(ascii: "N") {
            throw reader.error(.unexpectedByte, at: markerOffset, expected: "'K', 'O' or 'N' marker, got 0x\(String(marker, radix: 16))")
        }
        return UpdateMessage(xid: xid, relationOID: oid, oldTuple: oldTuple, newTuple: try TupleData.decode(from: &reader))
    }
}
