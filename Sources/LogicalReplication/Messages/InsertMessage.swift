/// `I`: a row inserted.
public struct InsertMessage: Hashable, Sendable {
    /// The (sub)transaction ID, present only inside a streamed block.
    public var xid: UInt32?
    /// The relation OID (described by an earlier `R`).
    public var relationOID: UInt32
    /// The new row.
    public var newTuple: TupleData

    /// Creates a message.
    public init(xid: UInt32? = nil, relationOID: UInt32, newTuple: TupleData) {
        self.xid = xid
        self.relationOID = relationOID
        self.newTuple = newTuple
    }

    /// Decodes the fields after the type byte (and the xid inside a streamed block).
    public static func decode(from reader: inout ByteReader, inStreamBlock: Bool) throws(PgOutputDecodingError) -> InsertMessage {
        let xid = inStreamBlock ? try reader.uint32("streamed xid") : nil
        let oid = try reader.uint32("relation OID")
        try reader.expectTupleMarker("N", for: "new tuple")
        return InsertMessage(xid: xid, relationOID: oid, newTuple: try TupleData.decode(from: &reader))
    }
}

extension ByteReader {
    mutating func expectTupleMarker(_ marker: Unicode.Scalar, for what: String) throws(PgOutputDecodingError) {
        let start = offset
        let byte = try uint8("'\(marker)' marker of \(what)")
        guard byte == UInt8(ascii: marker) else {
            throw error(.unexpectedByte, at: start, expected: "'\(marker)' marker of \(what), got 0x\(String(byte, radix: 16))")
        }
    }
}
