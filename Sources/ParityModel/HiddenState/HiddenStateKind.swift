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
