import ParityConfig
@testable import Reconciliation
import ParityModel
import Testing

@Suite("Preflight verdicts")
struct PreflightTests {
    static let orders = QualifiedName(schema: "public", name: "orders")
    static let order = QualifiedName(schema: "sales", name: "order")

    static func column(_ name: String, _ type: String, _ category: Character = "X", declared: String? = nil) -> ColumnFacts {
        ColumnFacts(name: name, typeName: type, typeCategory: category, declaredType: declared ?? type)
    }

    static func table(_ columns: [ColumnFacts], identity: Character = "d", primaryKey: Bool = true, canSelect: Bool = true, kind: Character = "r") -> TableFacts {
        TableFacts(kind: kind, replicaIdentity: identity, hasPrimaryKey: primaryKey, hasReplicaIdentityIndex: false, canSelect: canSelect,
                   columns: columns, replicaIdentityColumns: primaryKey ? [columns[0].name] : [])
    }

    static func facts(_ tables: [QualifiedName: TableFacts] = [:], walLevel: String = "logical", slots: (Int, Int) = (10, 0),
                      senders: (Int, Int) = (10, 0), canReplicate: Bool = true, keep: String? = "10GB", version: Int = 150018) -> SourceFacts {
        SourceFacts(serverVersion: version, walLevel: walLevel, maxReplicationSlots: slots.0, usedReplicationSlots: slots.1,
                    slotExists: false, maxWalSenders: senders.0, usedWalSenders: senders.1, role: "parity",
                    canReplicate: canReplicate, maxSlotWalKeepSize: keep, replicationConnectionError: nil, tables: tables)
    }

    static let mapping = TableMapping(
        name: "orders", legacy: orders, new: order, key: KeyMapping(legacy: ["id"], new: ["order_id"]),
        columns: [ColumnMapping(legacy: "amount", new: "total", type: .decimal)])

    static func configuration(_ tables: [TableMapping] = [mapping]) -> ParityConfiguration {
        var configuration = try! ParityConfiguration.parse(
            yaml: "sources:\n  legacy: { dsn: \"host=a\" }\n  new: { dsn: \"host=b\" }\n", file: "t.yaml", environment: [:])
        configuration.tables = tables
        return configuration
    }

    func result(_ results: [CheckResult], _ name: String) -> CheckResult? { results.first { $0.name == name } }

    @Test("a healthy source passes every check")
    func healthy() {
        let facts = Self.facts([Self.orders: Self.table([Self.column("id", "int4"), Self.column("amount", "numeric")])])
        let results = Preflight.sourceChecks(facts, side: .legacy, configuration: Self.configuration())
        #expect(results.allSatisfy { $0.outcome == .pass }, "\(results.filter { $0.outcome != .pass })")
        #expect(result(results, "server_version")?.detail == "PostgreSQL 15.18")
        #expect(checkExitCode(results) == 0)
    }

    @Test("server-level failures name the fix and block replication (exit 3)")
    func serverFailures() {
        let facts = Self.facts(walLevel: "replica", slots: (2, 2), senders: (1, 1), canReplicate: false, version: 110005)
        let results = Preflight.sourceChecks(facts, side: .legacy, configuration: Self.configuration([]))
        #expect(result(results, "wal_level")?.outcome == .fail)
        #expect(result(results, "wal_level")?.fix == "ALTER SYSTEM SET wal_level = logical; then restart PostgreSQL")
        #expect(result(results, "server_version")?.detail == "PostgreSQL 11.5 is older than 12")
        #expect(result(results, "replication_slots")?.fix?.contains("max_replication_slots = 3") == true)
        #expect(result(results, "wal_senders")?.outcome == .fail)
        #expect(result(results, "replication_privilege")?.fix == "ALTER ROLE parity REPLICATION;")
        #expect(checkExitCode(results) == 3)
    }

    @Test("max_slot_wal_keep_size is stated; unlimited or unknown is a warning that still passes")
    func walKeepSize() {
        for (value, outcome) in [("10GB", CheckResult.Outcome.pass), ("-1", .warn)] as [(String?, CheckResult.Outcome)] + [(nil, .warn)] {
            let results = Preflight.sourceChecks(Self.facts(keep: value), side: .new, configuration: Self.configuration([]))
            #expect(result(results, "max_slot_wal_keep_size")?.outcome == outcome)
            #expect(checkExitCode(results) == 0)
        }
    }

    @Test("a missing table or column is a configuration failure (exit 2)")
    func missingTableAndColumn() {
        let missingTable = Preflight.sourceChecks(Self.facts(), side: .legacy, configuration: Self.configuration())
        #expect(result(missingTable, "table_exists")?.detail == "public.orders does not exist")
        #expect(checkExitCode(missingTable) == 2)

        let facts = Self.facts([Self.orders: Self.table([Self.column("id", "int4")])])
        let missingColumn = Preflight.sourceChecks(facts, side: .legacy, configuration: Self.configuration())
        #expect(result(missingColumn, "columns")?.detail == "public.orders has no column amount")
        #expect(checkExitCode(missingColumn) == 2)
    }

    @Test("no usable replica identity or no SELECT blocks replication; a view is not a table")
    func identityPrivilegeKind() {
        let columns = [Self.column("id", "int4"), Self.column("amount", "numeric")]
        for (table, name) in [
            (Self.table(columns, primaryKey: false), "replica_identity"),
            (Self.table(columns, identity: "n"), "replica_identity"),
            (Self.table(columns, canSelect: false), "table_privilege"),
        ] {
            let results = Preflight.sourceChecks(Self.facts([Self.orders: table]), side: .legacy, configuration: Self.configuration())
            #expect(result(results, name)?.outcome == .fail)
            #expect(result(results, name)?.subject == "public.orders")
            #expect(checkExitCode(results) == 3)
        }
        let full = Preflight.sourceChecks(Self.facts([Self.orders: Self.table(columns, identity: "f", primaryKey: false)]),
                                          side: .legacy, configuration: Self.configuration())
        #expect(checkExitCode(full) == 0)
        let view = Preflight.sourceChecks(Self.facts([Self.orders: Self.table(columns, kind: "v")]), side: .legacy, configuration: Self.configuration())
        #expect(result(view, "table_kind")?.detail.contains("is a view") == true)
    }

    @Test("columns neither mapped nor ignored are listed as a warning")
    func unmappedColumns() {
        let facts = Self.facts([Self.orders: Self.table([Self.column("id", "int4"), Self.column("amount", "numeric"), Self.column("row_version", "int4")])])
        let results = Preflight.sourceChecks(facts, side: .legacy, configuration: Self.configuration())
        #expect(result(results, "unmapped_columns")?.outcome == .warn)
        #expect(result(results, "unmapped_columns")?.detail.hasSuffix("row_version") == true)
        #expect(checkExitCode(results) == 0)
    }

    @Test("type pairs that can never compare are configuration errors")
    func typePairs() {
        func check(_ column: ColumnMapping, legacy: ColumnFacts, new: ColumnFacts) -> CheckResult {
            let mapping = TableMapping(name: "orders", legacy: Self.orders, new: Self.order,
                                       key: KeyMapping(legacy: ["id"], new: ["order_id"]), columns: [column])
            let legacyFacts = Self.facts([Self.orders: Self.table([Self.column("id", "int4"), legacy])])
            let newFacts = Self.facts([Self.order: Self.table([Self.column("order_id", "int8"), new])])
            return Preflight.mappingChecks([mapping], legacy: legacyFacts, new: newFacts)[0]
        }
        let uuidVsInt = check(ColumnMapping(legacy: "ref", new: "ref"), legacy: Self.column("ref", "uuid"), new: Self.column("ref", "int4"))
        #expect(uuidVsInt.outcome == .fail)
        #expect(uuidVsInt.detail.contains("never compare"))
        let numericAsText = check(ColumnMapping(legacy: "a", new: "a"), legacy: Self.column("a", "numeric"), new: Self.column("a", "int4"))
        #expect(numericAsText.fix == "set tables[0].columns[0].type: decimal")
        let mapped = check(ColumnMapping(legacy: "s", new: "s", map: ["O": "open"]), legacy: Self.column("s", "bpchar"), new: Self.column("s", "order_state", "E"))
        #expect(mapped.outcome == .pass)
        let boolFromChar = check(ColumnMapping(legacy: "f", new: "f", type: .boolean), legacy: Self.column("f", "bpchar"), new: Self.column("f", "bool"))
        #expect(boolFromChar.outcome == .fail)
        #expect(boolFromChar.fix?.contains(".map") == true)
        let zoneless = check(ColumnMapping(legacy: "t", new: "t", type: .timestamptz), legacy: Self.column("t", "timestamp"), new: Self.column("t", "timestamptz"))
        #expect(zoneless.fix?.contains("legacy_timezone") == true)
        let zoned = check(ColumnMapping(legacy: "t", new: "t", type: .timestamptz, legacyTimezone: "America/Vancouver"),
                          legacy: Self.column("t", "timestamp"), new: Self.column("t", "timestamptz"))
        #expect(zoned.outcome == .pass)
        #expect(checkExitCode([uuidVsInt]) == 2)
    }

    @Test("type families")
    func families() {
        #expect(TypeFamily(typeName: "int8", category: "N") == .integer)
        #expect(TypeFamily(typeName: "bpchar", category: "S") == .text)
        #expect(TypeFamily(typeName: "mood", category: "E") == .text)
        #expect(TypeFamily(typeName: "_int4", category: "A") == .other)
        #expect(TypeFamily(typeName: "jsonb", category: "U") == .json)
    }

    @Test("an unreachable source fails the connect check with exit 3")
    func unreachable() {
        let result = Preflight.unreachable(.new, error: "connection refused")
        #expect(result.name == "connect")
        #expect(result.fix?.contains("sources.new.dsn") == true)
        #expect(checkExitCode([result]) == 3)
    }

    @Test("a scope key table and a legacy summary table must exist on their source with the columns a close reads, readable by the role")
    func referenceTables() {
        let customers = QualifiedName(schema: "public", name: "migrated_customers")
        let totals = QualifiedName(schema: "public", name: "month_totals")
        var scoped = Self.mapping
        scoped.scope = .keyTable(ScopeKeyTable(table: customers, column: "customer_id"))
        var configuration = Self.configuration([Self.mapping, scoped])
        configuration.aggregates = [
            AggregateConfiguration(name: "count", table: "orders", measure: .count("*")),
            AggregateConfiguration(
                name: "monthly", table: "orders", measure: .sum("amount"), groupBy: ["currency"],
                legacySummary: LegacySummary(table: totals, groupBy: ["currency"], value: "total", date: "month")),
        ]
        let summary = Self.table([Self.column("currency", "text"), Self.column("month", "date"), Self.column("total", "numeric")])
        let scope = Self.table([Self.column("customer_id", "int8")])
        func results(legacy: [QualifiedName: TableFacts]?, new: [QualifiedName: TableFacts]?) -> [CheckResult] {
            Preflight.referenceChecks(configuration, legacy: legacy.map { Self.facts($0) }, new: new.map { Self.facts($0) })
        }

        let passing = results(legacy: [totals: summary], new: [customers: scope])
        #expect(passing.map(\.name) == ["scope_table", "summary_table"])
        #expect(passing.allSatisfy { $0.outcome == .pass })
        #expect(result(passing, "scope_table")?.detail == "public.migrated_customers on the new source is readable for the scope of mapping orders")
        #expect(checkExitCode(passing) == 0)

        let absent = results(legacy: [:], new: [:])
        #expect(result(absent, "scope_table")?.detail == "public.migrated_customers, the scope of mapping orders, does not exist on the new source")
        #expect(result(absent, "scope_table")?.fix == "create it on the new source, or correct tables[1].scope.table in the config")
        #expect(result(absent, "summary_table")?.fix == "create it on the legacy source, or correct aggregates[1].legacy_summary.table in the config")
        #expect(checkExitCode(absent) == 2)

        let noMonth = Self.table([Self.column("currency", "text"), Self.column("total", "numeric")])
        let unreadable = Self.table([Self.column("customer_id", "int8")], canSelect: false)
        let wrong = results(legacy: [totals: noMonth], new: [customers: unreadable])
        #expect(result(wrong, "summary_table")?.detail == "public.month_totals, the legacy totals of aggregate monthly, has no column month")
        #expect(result(wrong, "scope_table")?.fix == "GRANT SELECT ON public.migrated_customers TO parity;")
        #expect(checkExitCode(wrong) == 3)

        // A source that could not be reached has its own failure; its tables are not judged.
        #expect(results(legacy: nil, new: [customers: scope]).map(\.name) == ["scope_table"])
        #expect(ReferenceTable.all(in: Self.configuration()).isEmpty)
    }
}

@Suite("Source facts")
struct SourceFactsTests {
    @Test("server versions print as PostgreSQL does, before and after 10")
    func versionText() {
        func text(_ version: Int) -> String {
            SourceFacts(serverVersion: version, walLevel: "logical", maxReplicationSlots: 1, usedReplicationSlots: 0,
                        slotExists: false, maxWalSenders: 1, usedWalSenders: 0, role: "r", canReplicate: true,
                        maxSlotWalKeepSize: nil, replicationConnectionError: nil, tables: [:]).versionText
        }
        #expect(text(150018) == "15.18")
        #expect(text(90624) == "9.6.24")
    }
}

@Suite("Mapping key and replica identity")
struct KeyIdentityTests {
    @Test("a mapping key outside the replica identity fails: DELETEs would not say which row")
    func keyOutsideIdentity() {
        let columns = [PreflightTests.column("id", "int4"), PreflightTests.column("amount", "numeric"), PreflightTests.column("order_no", "text")]
        let mapping = TableMapping(
            name: "orders", legacy: PreflightTests.orders, new: PreflightTests.order,
            key: KeyMapping(legacy: ["order_no"], new: ["order_id"]), columns: [ColumnMapping(legacy: "amount", new: "total", type: .decimal)],
            ignore: IgnoredColumns(legacy: ["id"]))
        let byPrimaryKey = TableFacts(kind: "r", replicaIdentity: "d", hasPrimaryKey: true, hasReplicaIdentityIndex: false,
                                      canSelect: true, columns: columns, replicaIdentityColumns: ["id"])
        let results = Preflight.sourceChecks(PreflightTests.facts([PreflightTests.orders: byPrimaryKey]), side: .legacy,
                                             configuration: PreflightTests.configuration([mapping]))
        let failure = results.first { $0.name == "key_identity" }
        #expect(failure?.fix == "key the mapping by id, or ALTER TABLE public.orders REPLICA IDENTITY FULL")
        #expect(checkExitCode(results) == 2)

        let full = TableFacts(kind: "r", replicaIdentity: "f", hasPrimaryKey: true, hasReplicaIdentityIndex: false,
                              canSelect: true, columns: columns)
        let fullResults = Preflight.sourceChecks(PreflightTests.facts([PreflightTests.orders: full]), side: .legacy,
                                                 configuration: PreflightTests.configuration([mapping]))
        #expect(!fullResults.contains { $0.name == "key_identity" })
    }

    @Test("a mapping key no unique column set lies within warns: rows sharing a key would be kept as one")
    func keyNotUnique() {
        let columns = [PreflightTests.column("id", "int4"), PreflightTests.column("amount", "numeric"), PreflightTests.column("order_no", "text")]
        let mapping = TableMapping(
            name: "orders", legacy: PreflightTests.orders, new: PreflightTests.order,
            key: KeyMapping(legacy: ["order_no", "amount"], new: ["order_id"]),
            columns: [ColumnMapping(legacy: "amount", new: "total", type: .decimal)], ignore: IgnoredColumns(legacy: ["id"]))
        func results(_ unique: [[String]]?) -> [CheckResult] {
            let table = TableFacts(kind: "r", replicaIdentity: "f", hasPrimaryKey: true, hasReplicaIdentityIndex: false,
                                   canSelect: true, columns: columns, uniqueColumnSets: unique)
            return Preflight.sourceChecks(PreflightTests.facts([PreflightTests.orders: table]), side: .legacy,
                                          configuration: PreflightTests.configuration([mapping]))
        }
        let warning = results([["id"], ["amount", "id"]]).first { $0.name == "key_unique" }
        #expect(warning?.outcome == .warn)
        #expect(warning?.detail.contains("(order_no, amount) is not unique in public.orders") == true)
        #expect(checkExitCode(results([["id"]])) == 0)
        #expect(!results([["id"], ["order_no"]]).contains { $0.name == "key_unique" })
        #expect(!results([["amount", "order_no"]]).contains { $0.name == "key_unique" })
        #expect(!results(nil).contains { $0.name == "key_unique" })
    }

}
