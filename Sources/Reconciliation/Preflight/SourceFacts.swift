import ParityConfig
import ParityModel

/// What `parity check` learned about one source from its catalog, before judging it.
public struct SourceFacts: Sendable, Hashable {
    /// `server_version_num`, e.g. 150018.
    public var serverVersion: Int
    /// `wal_level`: minimal, replica or logical.
    public var walLevel: String
    /// `max_replication_slots` and how many slots exist.
    public var maxReplicationSlots: Int
    public var usedReplicationSlots: Int
    /// Whether Parity's own slot for this source already exists.
    public var slotExists: Bool
    /// `max_wal_senders` and how many are in use.
    public var maxWalSenders: Int
    public var usedWalSenders: Int
    /// The role Parity connects as, and whether it is REPLICATION or superuser.
    public var role: String
    public var canReplicate: Bool
    /// `max_slot_wal_keep_size` as the server shows it (`-1` is unlimited; nil before PostgreSQL 13).
    public var maxSlotWalKeepSize: String?
    /// The outcome of opening a `replication=database` connection (nil when it worked).
    public var replicationConnectionError: String?
    /// The mapped tables that exist, by name; a mapped table missing here does not exist.
    public var tables: [QualifiedName: TableFacts]
    /// Parity's slot's `wal_status` when it exists (`lost`: invalidated, it can never be read again).
    public var slotWalStatus: String?
    /// What `init` needs beyond SELECT and REPLICATION; nil when not inspected.
    public var initPrivileges: InitPrivileges?

    public init(
        serverVersion: Int, walLevel: String, maxReplicationSlots: Int, usedReplicationSlots: Int,
        slotExists: Bool, maxWalSenders: Int, usedWalSenders: Int, role: String, canReplicate: Bool,
        maxSlotWalKeepSize: String?, replicationConnectionError: String?, tables: [QualifiedName: TableFacts],
        slotWalStatus: String? = nil, initPrivileges: InitPrivileges? = nil
    ) {
        self.serverVersion = serverVersion
        self.walLevel = walLevel
        self.maxReplicationSlots = maxReplicationSlots
        self.usedReplicationSlots = usedReplicationSlots
        self.slotExists = slotExists
        self.maxWalSenders = maxWalSenders
        self.usedWalSenders = usedWalSenders
        self.role = role
        self.canReplicate = canReplicate
        self.maxSlotWalKeepSize = maxSlotWalKeepSize
        self.replicationConnectionError = replicationConnectionError
        self.tables = tables
        self.slotWalStatus = slotWalStatus
        self.initPrivileges = initPrivileges
    }

    /// The version as PostgreSQL prints it (`15.18`).
    public var versionText: String {
        serverVersion >= 100_000 ? "\(serverVersion / 10_000).\(serverVersion % 10_000)"
            : "\(serverVersion / 10_000).\(serverVersion / 100 % 100).\(serverVersion % 100)"
    }
}

/// One table's catalog facts.
public struct TableFacts: Sendable, Hashable {
    /// `pg_class.relkind`: r table, p partitioned table, v view, m materialized view, f foreign table…
    public var kind: Character
    /// `pg_class.relreplident`: d default (primary key), n nothing, f full, i index.
    public var replicaIdentity: Character
    public var hasPrimaryKey: Bool
    public var hasReplicaIdentityIndex: Bool
    /// Whether the connecting role may SELECT from it.
    public var canSelect: Bool
    /// The role owning it, when the connecting role does not have its privileges (ownership is what publishing needs).
    public var foreignOwner: String?
    /// Columns in table order.
    public var columns: [ColumnFacts]
    /// The columns an UPDATE's old key and a DELETE carry: the primary key's (default identity)
    /// or the identity index's; every column under FULL.
    public var replicaIdentityColumns: [String]
    /// The column sets the table guarantees unique: its primary key and each valid unique index on plain
    /// columns, without a predicate. Nil when not inspected.
    public var uniqueColumnSets: [[String]]?

    public init(
        kind: Character, replicaIdentity: Character, hasPrimaryKey: Bool, hasReplicaIdentityIndex: Bool,
        canSelect: Bool, columns: [ColumnFacts], replicaIdentityColumns: [String] = [], uniqueColumnSets: [[String]]? = nil,
        foreignOwner: String? = nil
    ) {
        self.kind = kind
        self.replicaIdentity = replicaIdentity
        self.hasPrimaryKey = hasPrimaryKey
        self.hasReplicaIdentityIndex = hasReplicaIdentityIndex
        self.canSelect = canSelect
        self.columns = columns
        self.replicaIdentityColumns = replicaIdentity == "f" ? columns.map(\.name) : replicaIdentityColumns
        self.uniqueColumnSets = uniqueColumnSets
        self.foreignOwner = foreignOwner
    }

    /// Whether rows are unique by `key`: some unique column set lies within it. Nil when not inspected.
    public func isUnique(by key: [String]) -> Bool? {
        uniqueColumnSets.map { sets in sets.contains { !$0.isEmpty && $0.allSatisfy(key.contains) } }
    }

    /// The column named `name`, if the table has it.
    public func column(_ name: String) -> ColumnFacts? { columns.first { $0.name == name } }

    /// Whether UPDATE and DELETE reach the change stream with a key: a primary key, a
    /// replica identity index, or FULL.
    public var hasUsableReplicaIdentity: Bool {
        switch replicaIdentity {
        case "f": true
        case "i": hasReplicaIdentityIndex
        case "d": hasPrimaryKey
        default: false
        }
    }
}

/// One column's catalog facts.
public struct ColumnFacts: Sendable, Hashable {
    public var name: String
    /// The base type's name (`int4`, `numeric`, `bpchar`, …), domains resolved.
    public var typeName: String
    /// `pg_type.typcategory` of the base type (E enum, A array, S string, N numeric, …).
    public var typeCategory: Character
    /// The declared type as `format_type` prints it (`numeric(12,2)`, `character(1)`).
    public var declaredType: String

    public init(name: String, typeName: String, typeCategory: Character, declaredType: String) {
        self.name = name
        self.typeName = typeName
        self.typeCategory = typeCategory
        self.declaredType = declaredType
    }

    /// The comparison family this column's values belong to.
    public var family: TypeFamily { TypeFamily(typeName: typeName, category: typeCategory) }
}

/// What `parity init` needs on a source besides SELECT and REPLICATION: creating publications takes CREATE on the
/// database, and publishing a table takes its ownership (membership in the owning role).
public struct InitPrivileges: Sendable, Hashable {
    /// The database connected to.
    public var database: String
    /// Whether the role may create publications in it (CREATE on the database, or superuser).
    public var canCreatePublication: Bool
    /// Tables of `watch_schemas` the role does not own, `schema.table (owner)`, at most 20.
    public var unownedWatchedTables: [String]

    public init(database: String, canCreatePublication: Bool, unownedWatchedTables: [String]) {
        self.database = database
        self.canCreatePublication = canCreatePublication
        self.unownedWatchedTables = unownedWatchedTables
    }
}
