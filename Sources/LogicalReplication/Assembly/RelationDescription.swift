/// What a relation looks like according to its latest `R` message.
public struct RelationDescription: Hashable, Sendable {
    /// One published column.
    public struct Column: Hashable, Sendable {
        /// The column name.
        public var name: String
        /// The type OID.
        public var typeOID: UInt32
        /// The type modifier (atttypmod), -1 when none.
        public var typeModifier: Int32
        /// Whether the column belongs to the replica identity key (every column under REPLICA IDENTITY FULL).
        public var isKey: Bool

        /// Creates a column.
        public init(name: String, typeOID: UInt32, typeModifier: Int32, isKey: Bool) {
            self.name = name
            self.typeOID = typeOID
            self.typeModifier = typeModifier
            self.isKey = isKey
        }
    }

    /// The relation OID: its identity across renames.
    public var oid: UInt32
    /// The schema name ("" means pg_catalog).
    public var namespace: String
    /// The relation name.
    public var name: String
    /// The replica identity setting.
    public var replicaIdentity: ReplicaIdentity
    /// The published columns in tuple order.
    public var columns: [Column]

    /// Creates a description.
    public init(oid: UInt32, namespace: String, name: String, replicaIdentity: ReplicaIdentity, columns: [Column]) {
        self.oid = oid
        self.namespace = namespace
        self.name = name
        self.replicaIdentity = replicaIdentity
        self.columns = columns
    }

    /// The description a Relation message carries.
    public init(_ message: RelationMessage) {
        self.init(
            oid: message.oid,
            namespace: message.namespace,
            name: message.name,
            replicaIdentity: message.replicaIdentity,
            columns: message.columns.map { Column(name: $0.name, typeOID: $0.typeOID, typeModifier: $0.typeModifier, isKey: $0.isKey) }
        )
    }

    /// `namespace.name`, with `pg_catalog` for the empty namespace.
    public var qualifiedName: String {
        (namespace.isEmpty ? "pg_catalog" : namespace) + "." + name
    }

    /// The names of the replica identity key columns, in column order.
    public var keyColumnNames: [String] {
        columns.filter(\.isKey).map(\.name)
    }
}
