/// `Y`: a non-built-in data type used by a published column.
public struct TypeMessage: Hashable, Sendable {
    /// The (sub)transaction ID, present only inside a streamed block.
    public var xid: UInt32?
    /// The type OID.
    public var oid: UInt32
    /// The schema name ("" means pg_catalog).
    public var namespace: String
    /// The type name.
    public var name: String

    /// Creates a message.
    public init(xid: UInt32? = nil, oid: UInt32, namespace: String, name: String) {
        self.xid = xid
        self.oid = oid
        self.namespace = namespace
        self.name = name
    }

    /// Decodes the fields after the type byte (and the xid inside a streamed block).
    public static func decode(from reader: inout ByteReader, inStreamBlock: Bool) throws(PgOutputDecodingError) -> TypeMessage {
        let xid = inStreamBlock ? try reader.uint32("streamed xid") : nil
        return TypeMessage(xid: xid, oid: try reader.uint32("type OID"), namespace: try reader.string("namespace"), name: try reader.string("type name"))
    }
}
