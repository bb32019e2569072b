import ParityConfig
import ParityModel

/// Judges what `parity check` found: each check PASS, WARN or FAIL with the fix.
public enum Preflight {
    /// The oldest server Parity supports (pgoutput with `messages`, `max_slot_wal_keep_size`).
    public static let minimumServerVersion = 120_000

    /// The verdict for a source that could not be reached; its other checks cannot run.
    public static func unreachable(_ side: SourceSide, error: String) -> CheckResult {
        .fail(
            "connect", nil, "cannot connect to the \(side.rawValue) source: \(error)",
            fix: "check sources.\(side.rawValue).dsn, that the server runs and that pg_hba.conf admits this host and role",
            blocks: .replication
        )
    }

    /// The verdict for a source whose connection settings themselves are wrong (a malformed DSN, a password file that
    /// cannot be read): a configuration failure, whatever the server would say.
    public static func misconfigured(_ side: SourceSide, error: String, key: String) -> CheckResult {
        .fail(
            "connect", nil, "cannot connect to the \(side.rawValue) source: \(error)",
            fix: "fix sources.\(side.rawValue).\(key) in the config", blocks: .configuration)
    }

    /// Server-wide and per-table checks on one reachable source.
    public static func sourceChecks(
        _ facts: SourceFacts, side: SourceSide, configuration: ParityConfiguration
    ) -> [CheckResult] {
        let source = side == .legacy ? configuration.sources.legacy : configuration.sources.new
        var results = serverChecks(facts, source: source, configuration: configuration)
        for (index, mapping) in configuration.tables.enumerated() {
            results += tableChecks(facts, side: side, mapping: mapping, index: index)
        }
        return results
    }

    /// Checks that each mapping's column pairs can be compared, using the sides that were reachable.
    /// The store's view of the mappings, once `init` has run: a configured mapping not initialized fails (it would be
    /// compared nowhere), one the store holds but the config no longer names warns (its tables stay published).
    public static func storeChecks(uninitialized: [String], unconfigured: [String], configFile: String) -> [CheckResult] {
        uninitialized.map { name in
            CheckResult(
                name: "mapping_initialized", subject: name, outcome: .fail,
                detail: "added to the config after parity init: not captured, compared in no cycle",
                fix: "stop capture, run parity init --add \(name) --config \(configFile), then start capture again", blocks: .configuration)
        } + unconfigured.map { name in
            CheckResult(
                name: "mapping_initialized", subject: name, outcome: .warn,
                detail: "the store holds this mapping but the config no longer names it; its tables stay in Parity's publications",
                fix: "run parity init --remove \(name) --config \(configFile)", blocks: .configuration)
        }
    }

    public static func mappingChecks(_ tables: [TableMapping], legacy: SourceFacts?, new: SourceFacts?) -> [CheckResult] {
        tables.enumerated().compactMap { index, mapping in
            guard let legacyTable = legacy?.tables[mapping.legacy], let newTable = new?.tables[mapping.new] else {
                return nil
            }
            return MappingTypeCheck(mapping: mapping, index: index, legacy: legacyTable, new: newTable).result()
        }
    }

    private static func serverChecks(_ facts: SourceFacts, source: SourceConfiguration, configuration: ParityConfiguration) -> [CheckResult] {
        var results: [CheckResult] = [.pass("connect", nil, "PostgreSQL \(facts.versionText) as role \(facts.role)")]
        results.append(facts.serverVersion >= minimumServerVersion
            ? .pass("server_version", nil, "PostgreSQL \(facts.versionText)")
            : .fail("server_version", nil, "PostgreSQL \(facts.versionText) is older than 12",
                    fix: "upgrade the server to PostgreSQL 12 or later", blocks: .replication))
        results.append(facts.walLevel == "logical"
            ? .pass("wal_level", nil, "wal_level = logical")
            : .fail("wal_level", nil, "wal_level is \(facts.walLevel); logical decoding needs logical",
                    fix: "ALTER SYSTEM SET wal_level = logical; then restart PostgreSQL", blocks: .replication))
        let freeSlots = facts.maxReplicationSlots - facts.usedReplicationSlots
        if facts.slotExists, facts.slotWalStatus == "lost" {
            results.append(.fail(
                "replication_slots", nil, SlotProblem.lost.summary(slot: source.slot),
                fix: SlotProblem.rebaseline(configFile: configuration.file, storePath: configuration.store.described), blocks: .replication))
        } else if facts.slotExists {
            results.append(.pass("replication_slots", nil, "slot \(source.slot) already exists"))
        } else if freeSlots > 0 {
            results.append(.pass("replication_slots", nil, "\(freeSlots) of \(facts.maxReplicationSlots) slots free"))
        } else {
            results.append(.fail(
                "replication_slots", nil, "all \(facts.maxReplicationSlots) replication slots are in use",
                fix: "ALTER SYSTEM SET max_replication_slots = \(facts.maxReplicationSlots + 1); then restart, or drop an unused slot",
                blocks: .replication))
        }
        let freeSenders = facts.maxWalSenders - facts.usedWalSenders
        results.append(freeSenders > 0
            ? .pass("wal_senders", nil, "\(freeSenders) of \(facts.maxWalSenders) WAL senders free")
            : .fail("wal_senders", nil, "all \(facts.maxWalSenders) WAL senders are in use",
                    fix: "ALTER SYSTEM SET max_wal_senders = \(facts.maxWalSenders + 1); then restart PostgreSQL",
                    blocks: .replication))
        results.append(facts.canReplicate
            ? .pass("replication_privilege", nil, "role \(facts.role) may replicate")
            : .fail("replication_privilege", nil, "role \(facts.role) has neither REPLICATION nor superuser",
                    fix: "ALTER ROLE \(facts.role) REPLICATION;", blocks: .replication))
        if let error = facts.replicationConnectionError {
            results.append(.fail(
                "replication_connection", nil, "a replication=database connection failed: \(error)",
                fix: "give the role REPLICATION and make sure pg_hba.conf admits it to this database", blocks: .replication))
        } else {
            results.append(.pass("replication_connection", nil, "a replication=database connection works"))
        }
        results.append(walKeepSizeCheck(facts.maxSlotWalKeepSize))
        if let privileges = facts.initPrivileges, !facts.slotExists { results += initPrivilegeChecks(privileges, role: facts.role) }
        return results
    }

    /// What init needs before it has run: CREATE on the database for the publications, ownership of each watched table.
    private static func initPrivilegeChecks(_ privileges: InitPrivileges, role: String) -> [CheckResult] {
        var results: [CheckResult] = []
        results.append(privileges.canCreatePublication
            ? .pass("create_publication", nil, "role \(role) may create publications in \(privileges.database)")
            : .fail("create_publication", nil, "role \(role) may not create publications in \(privileges.database)",
                    fix: "GRANT CREATE ON DATABASE \(privileges.database) TO \(role);", blocks: .replication))
        if !privileges.unownedWatchedTables.isEmpty {
            let owners = Set(privileges.unownedWatchedTables.compactMap { $0.split(separator: "(").last?.dropLast() }).sorted()
            results.append(.fail(
                "watched_table_owner", nil,
                "role \(role) does not own these tables of watch_schemas, so init cannot publish them: "
                    + privileges.unownedWatchedTables.joined(separator: ", "),
                fix: owners.map { "GRANT \($0) TO \(role);" }.joined(separator: " ")
                    + " (or list them in hidden_state.ignore_tables, or narrow watch_schemas)",
                blocks: .replication))
        }
        return results
    }

    private static func walKeepSizeCheck(_ value: String?) -> CheckResult {
        let fix = "ALTER SYSTEM SET max_slot_wal_keep_size = '50GB'; SELECT pg_reload_conf(); and alert on pg_replication_slots.wal_status"
        guard let value else {
            return CheckResult(
                name: "max_slot_wal_keep_size", outcome: .warn,
                detail: "not available before PostgreSQL 13: a stalled slot keeps WAL without limit",
                fix: "watch disk space and the slot's lag", blocks: .replication)
        }
        if value == "-1" {
            return CheckResult(
                name: "max_slot_wal_keep_size", outcome: .warn,
                detail: "max_slot_wal_keep_size = -1 (unlimited): if Parity stops, its slot keeps WAL until the disk fills",
                fix: fix, blocks: .replication)
        }
        return .pass(
            "max_slot_wal_keep_size", nil,
            "max_slot_wal_keep_size = \(value): a slot further behind is invalidated and needs a new parity init")
    }

    private static func tableChecks(_ facts: SourceFacts, side: SourceSide, mapping: TableMapping, index: Int) -> [CheckResult] {
        let name = side == .legacy ? mapping.legacy : mapping.new
        let subject = name.description
        let configPath = "tables[\(index)].\(side.rawValue)"
        guard let table = facts.tables[name] else {
            return [.fail("table_exists", subject, "\(subject) does not exist",
                          fix: "create it, or correct \(configPath) in the config", blocks: .configuration)]
        }
        guard table.kind == "r" || table.kind == "p" else {
            return [.fail("table_kind", subject, "\(subject) is a \(relationKindName(table.kind)), not a table; logical replication does not carry it",
                          fix: "map the underlying table in \(configPath)", blocks: .configuration)]
        }
        var results: [CheckResult] = []
        let configured = configuredColumns(mapping, side: side)
        let missing = configured.filter { table.column($0) == nil }
        if !missing.isEmpty {
            results.append(.fail(
                "columns", subject, "\(subject) has no column \(missing.joined(separator: ", "))",
                fix: "correct the column names under tables[\(index)] (key, columns, ignore)", blocks: .configuration))
        }
        if !table.canSelect {
            results.append(.fail(
                "table_privilege", subject, "role \(facts.role) may not SELECT from \(subject)",
                fix: "GRANT SELECT ON \(subject) TO \(facts.role);", blocks: .replication))
        }
        if let owner = table.foreignOwner, !facts.slotExists {
            results.append(.fail(
                "table_owner", subject, "role \(facts.role) does not own \(subject) (owner \(owner)): init cannot publish it",
                fix: "GRANT \(owner) TO \(facts.role); (or ALTER TABLE \(subject) OWNER TO \(facts.role);)", blocks: .replication))
        }
        if !table.hasUsableReplicaIdentity {
            results.append(.fail(
                "replica_identity", subject,
                "\(subject) has no usable replica identity (\(replicaIdentityName(table))): its UPDATE and DELETE carry no key",
                fix: "add a primary key, or ALTER TABLE \(subject) REPLICA IDENTITY USING INDEX <unique index> (or FULL); Parity never changes it for you",
                blocks: .replication))
        }
        let key = side == .legacy ? mapping.key.legacy : mapping.key.new
        let uncovered = key.filter { !table.replicaIdentityColumns.contains($0) }
        if table.hasUsableReplicaIdentity, !uncovered.isEmpty {
            results.append(.fail(
                "key_identity", subject,
                "the key of mapping \(mapping.name) (\(key.joined(separator: ", "))) is not in the replica identity of \(subject) "
                    + "(\(table.replicaIdentityColumns.joined(separator: ", "))): its DELETEs would not say which row",
                fix: "key the mapping by \(table.replicaIdentityColumns.joined(separator: ", ")), or ALTER TABLE \(subject) REPLICA IDENTITY FULL",
                blocks: .configuration))
        }
        if table.isUnique(by: key) == false {
            results.append(CheckResult(
                name: "key_unique", subject: subject, outcome: .warn,
                detail: "the key of mapping \(mapping.name) (\(key.joined(separator: ", "))) is not unique in \(subject) by its primary key "
                    + "or any unique index: rows sharing a key are stored and compared as one (the last copied or changed)",
                fix: "key the mapping by the primary key or a unique index's columns, or add a unique index on "
                    + "(\(key.joined(separator: ", "))) if the data is unique",
                blocks: .configuration))
        }
        let unmapped = table.columns.map(\.name).filter { !configured.contains($0) }
        if !unmapped.isEmpty {
            results.append(CheckResult(
                name: "unmapped_columns", subject: subject, outcome: .warn,
                detail: "\(subject) has columns neither mapped nor ignored: \(unmapped.joined(separator: ", "))",
                fix: "map them under tables[\(index)].columns or list them under tables[\(index)].ignore.\(side.rawValue)",
                blocks: .configuration))
        }
        if results.allSatisfy({ $0.outcome != .fail }) {
            results.insert(.pass("table", subject, "\(subject) is readable; replica identity \(replicaIdentityName(table))"), at: 0)
        }
        if table.kind == "p" {
            results.append(.pass(
                "partitioned", subject,
                "\(subject) is partitioned: copied, captured (publish_via_partition_root) and compared as one table, "
                    + "every partition included, those attached later too; a TRUNCATE of one partition is not sent by PostgreSQL",
                blocks: .configuration))
        }
        return results
    }

    /// Every column the mapping names on one side: key, compared and ignored columns.
    static func configuredColumns(_ mapping: TableMapping, side: SourceSide) -> [String] {
        let legacy = side == .legacy
        let key = legacy ? mapping.key.legacy : mapping.key.new
        let compared = mapping.columns.map { legacy ? $0.legacy : $0.new }
        let ignored = legacy ? mapping.ignore.legacy : mapping.ignore.new
        var seen = Set<String>()
        return (key + compared + ignored).filter { seen.insert($0).inserted }
    }

    private static func replicaIdentityName(_ table: TableFacts) -> String {
        switch table.replicaIdentity {
        case "d": table.hasPrimaryKey ? "primary key" : "default, but no primary key"
        case "i": "index"
        case "f": "full"
        default: "nothing"
        }
    }

    private static func relationKindName(_ kind: Character) -> String {
        switch kind {
        case "v": "view"
        case "m": "materialized view"
        case "f": "foreign table"
        case "S": "sequence"
        default: "relation of kind \(kind)"
        }
    }
}
