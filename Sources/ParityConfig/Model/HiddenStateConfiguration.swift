/// Known hidden state in the legacy database and tables to leave out of the audit (`hidden_state:`).
public struct HiddenStateConfiguration: Sendable, Hashable {
    /// Legacy objects that are known and dispositioned.
    public var documented: [DocumentedObject]
    /// Tables whose writes are neither mapped nor reported.
    public var ignoreTables: [QualifiedName]
    /// Tables compared as whole snapshots each cycle instead of change by change.
    public var snapshotTables: [QualifiedName]

    /// Creates a hidden-state configuration.
    public init(
        documented: [DocumentedObject] = [],
        ignoreTables: [QualifiedName] = [],
        snapshotTables: [QualifiedName] = []
    ) {
        self.documented = documented
        self.ignoreTables = ignoreTables
        self.snapshotTables = snapshotTables
    }
}

/// A documented legacy object (`hidden_state.documented[]`).
public struct DocumentedObject: Sendable, Hashable {
    /// What kind of object it is.
    public var kind: HiddenStateKind
    /// Its name as in the catalog (trigger name, function name, job name, …).
    public var name: String
    /// The table it belongs to, when it belongs to one.
    public var table: QualifiedName?
    /// What happens to it in the new system.
    public var disposition: HiddenStateDisposition
    /// Where its behaviour lives now, as free text.
    public var `where`: String?
    /// Free-text note.
    public var note: String?

    /// Creates a documented object.
    public init(
        kind: HiddenStateKind,
        name: String,
        table: QualifiedName? = nil,
        disposition: HiddenStateDisposition,
        where: String? = nil,
        note: String? = nil
    ) {
        self.kind = kind
        self.name = name
        self.table = table
        self.disposition = disposition
        self.where = `where`
        self.note = note
    }
}

/// Kinds of hidden state found in a catalog inventory.
public enum HiddenStateKind: String, Sendable, Hashable, CaseIterable {
    /// A trigger.
    case trigger
    /// A function.
    case function
    /// A rewrite rule.
    case rule
    /// An event trigger.
    case eventTrigger = "event_trigger"
    /// A row-level security policy.
    case policy
    /// A generated column.
    case generatedColumn = "generated_column"
    /// A column default calling a function.
    case `default`
    /// A sequence.
    case sequence
    /// An unlogged table.
    case unloggedTable = "unlogged_table"
    /// A materialized view.
    case materializedView = "materialized_view"
    /// A foreign table.
    case foreignTable = "foreign_table"
    /// A table without a usable replica identity.
    case noReplicaIdentity = "no_replica_identity"
    /// A pg_cron job.
    case cronJob = "cron_job"
    /// A foreign server.
    case foreignServer = "foreign_server"
    /// A client application seen writing to legacy.
    case client
    /// A replication slot.
    case slot
    /// A LISTEN/NOTIFY channel.
    case notifyChannel = "notify_channel"
    /// A publication that is not Parity's.
    case publication
    /// A subscription: this database consumes another's changes.
    case subscription
    /// A standby or other walsender consumer listed in `pg_stat_replication`.
    case standby
}

/// What became of a documented legacy object.
public enum HiddenStateDisposition: String, Sendable, Hashable, CaseIterable {
    /// The new system reproduces its behaviour.
    case reproduced
    /// Its behaviour is deliberately dropped.
    case retired
    /// It is known and accepted as is.
    case accepted
}
