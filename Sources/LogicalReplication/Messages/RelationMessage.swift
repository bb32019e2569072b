/// The replica identity setting of a relation, as sent in `R`.
public enum ReplicaIdentity: UInt8, Hashable, Sendable {
    /// DEFAULT: the primary key.
    case `default` = 0x64  // ascii: d
    /// NOTHING: no old row.
    case nothing = 0x6E  // ascii: n
    /// FULL: the entire old row.
    case full = 0x66  // ascii: f
    /// USING INDEX: the index columns.
    case index = 0x69  // ascii: i
}

/// `R`: the shape of a published relation, sent before its first change and after any relcache invalidation.
public struct RelationMessage: Hashable, Sendable {
    /// One published column.
    public struct Column: Hashable, Sendable {
        /// Flags; bit 1 means the column is part of the replica identity key.
        public var flags: UInt8
        /// The column name.
        public var name: String
        /// The type OID.
        public var typeOID: UInt32
        /// The type modifier (atttypmod), -1 when none.
        public var typeModifier: Int32

        /// Whether the column belongs to the replica identity key.
        public var isKey: Bool { flags & 1 != 0 }

        /// Creates a column.
        public init(flags: UInt8, name: String, typeOID: UInt32, typeModifier: Int32) {
            self.flags = flags
            self.name = name
            self.typeOID = typeOID
            self.typeModifier = typeModifier
        }
    }

    /// The (sub)transaction ID, present only inside a streamed block.
    public var xid: UInt32?
    /// The relation OID.
    public var oid: UInt32
    /// The schema name ("" means pg_catalog).
    public var namespace: String
    /// The relation name.
    public var name: String
    /// The replica identity setting.
    public var replicaIdentity: ReplicaIdentity
    /// The published columns in tuple order.
    public var columns: [Column]

    /// Creates a message.
    public init(xid: UInt32? = nil, oid: UInt32, namespace: String, name: String, replicaIdentity: ReplicaIdentity, columns: [Column]) {
        self.xid = xid
        self.oid = oid
        self.namespace = namespace
        self.name = name
        self.replicaIdentity = replicaIdentity
        self.columns = columns
    }

    /// Decodes the fields after the type byte (and the xid inside a streamed block).
    public static func decode(from reader: inout ByteReader, inStreamBlock: Bool) throws(PgOutputDecodingError) -> RelationMessage {
        let xid = inStreamBlock ? try reader.uint32("streamed xid") : nil
        let oid = try reader.uint32("relation OID")
        let namespace = try reader.string("namespace")
        let name = try reader.string("relation name")
        let identityOffset = reader.offset
        let identityByte = try reader.uint8("replica identity")
        guard let identity = ReplicaIdentity(rawValue: identityByte) else {
            throw reader.error(.unexpectedByte, at: identityOffset, expected: "replica identity d, n, f or i, got 0x\(String(identityByte, radix: 16))")
        }
        // Each column takes at least flags, an empty name's NUL, type OID and typmod: 10 bytes.
        let count = try reader.count("column count", wide: false, minimumElementSize: 10)
        var columns: [Column] = []
        columns.reserveCapacity(count)
        for index in 0..<count {
            columns.append(Column(
                flags: try reader.uint8("flags of column \(index)"),
                name: try reader.string("name of column \(index)"),
                typeOID: try reader.uint32("type OID of column \(index)"),
                typeModifier: try reader.int32("type modifier of column \(index)")
            ))
        }
        return RelationMessage(xid: xid, oid: oid, namespace: namespace, name: name, replicaIdentity: identity, columns: columns)
    }
}
