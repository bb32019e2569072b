import Foundation
import ParityConfig
import ParityEngine
import ParityModel
import ParityTestSupport
import Reconciliation
import Reports
import SourceQueries
import Testing

@Suite("parity check against real clusters")
struct SourceCheckTests {
    func result(_ report: CheckReport, _ side: SourceSide?, _ name: String) -> CheckResult? {
        let results = side.map { side in report.sources.first { $0.side == side }?.results ?? [] } ?? report.mappings
        return results.first { $0.name == name }
    }

    @Test("a ready pair of databases passes, states max_slot_wal_keep_size, and lists unmapped columns")
    func allPass() throws {
        let scenario = try CheckScenario()
        defer { scenario.stop() }
        let report = SourceCheck.run(try scenario.configuration(scenario.yaml()))
        #expect(report.exitCode == 0, "\(CheckReportRenderer.render(report, format: .text))")
        #expect(result(report, .legacy, "connect")?.detail.hasPrefix("PostgreSQL 15") == true)
        #expect(result(report, .legacy, "replication_connection")?.outcome == .pass)
        #expect(result(report, .legacy, "max_slot_wal_keep_size")?.outcome == .warn)
        #expect(result(report, .new, "max_slot_wal_keep_size")?.detail.hasPrefix("max_slot_wal_keep_size = 1GB") == true)
        #expect(result(report, .legacy, "table")?.detail == "public.orders is readable; replica identity primary key")
        #expect(result(report, .legacy, "unmapped_columns")?.detail.hasSuffix("columns neither mapped nor ignored: ref") == true)
        #expect(result(report, nil, "column_types")?.outcome == .pass)

        let json = CheckReportRenderer.render(report, format: .json)
        let document = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect(document?["schema"] as? String == "parity.check/1")
        #expect(document?["result"] as? String == "pass")
        #expect(document?["exit_code"] as? Int == 0)
    }

    @Test("wal_level=replica fails with the fix line and exit 3")
    func walLevelReplica() throws {
        let scenario = try CheckScenario(legacySettings: ["wal_level": "replica"])
        defer { scenario.stop() }
        let report = SourceCheck.run(try scenario.configuration(scenario.yaml()))
        let walLevel = result(report, .legacy, "wal_level")
        #expect(walLevel?.outcome == .fail)
        #expect(walLevel?.detail == "wal_level is replica; logical decoding needs logical")
        #expect(walLevel?.fix == "ALTER SYSTEM SET wal_level = logical; then restart PostgreSQL")
        #expect(report.exitCode == 3)
        let text = CheckReportRenderer.render(report, format: .text)
        #expect(text.contains("FAIL  wal_level"))
        #expect(text.contains("fix: ALTER SYSTEM SET wal_level = logical"))
    }

    @Test("a table without a primary key fails replica_identity naming it")
    func noPrimaryKey() throws {
        let scenario = try CheckScenario()
        defer { scenario.stop() }
        try scenario.legacy.run("CREATE TABLE public.ledger (id int, status char(1), amount numeric(12,2), placed_at timestamp, ref uuid, row_version int)", database: "legacy")
        let report = SourceCheck.run(try scenario.configuration(scenario.yaml(legacyTable: "public.ledger")))
        let identity = result(report, .legacy, "replica_identity")
        #expect(identity?.outcome == .fail)
        #expect(identity?.subject == "public.ledger")
        #expect(identity?.detail.contains("public.ledger has no usable replica identity") == true)
        #expect(report.exitCode == 3)
    }

    @Test("a missing table or column is a configuration error, exit 2")
    func missingTableOrColumn() throws {
        let scenario = try CheckScenario()
        defer { scenario.stop() }
        let noTable = SourceCheck.run(try scenario.configuration(scenario.yaml(legacyTable: "public.order_archive")))
        #expect(result(noTable, .legacy, "table_exists")?.detail == "public.order_archive does not exist")
        #expect(noTable.exitCode == 2)

        let columns = CheckScenario.goodColumns + "\n      - { legacy: discount, new: ref }"
        let noColumn = SourceCheck.run(try scenario.configuration(scenario.yaml(columns: columns)))
        #expect(result(noColumn, .legacy, "columns")?.detail == "public.orders has no column discount")
        #expect(noColumn.exitCode == 2)
    }

    @Test("a column pair that can never compare (uuid vs integer) is a configuration error")
    func incompatibleTypes() throws {
        let scenario = try CheckScenario()
        defer { scenario.stop() }
        let columns = CheckScenario.goodColumns + "\n      - { legacy: ref, new: ref }"
        let report = SourceCheck.run(try scenario.configuration(scenario.yaml(columns: columns)))
        let types = result(report, nil, "column_types")
        #expect(types?.outcome == .fail)
        #expect(types?.detail.contains("legacy ref (uuid) and new ref (integer) never compare as text") == true)
        #expect(report.exitCode == 2)
    }

    @Test("a role without REPLICATION or SELECT fails those checks")
    func unprivilegedRole() throws {
        let scenario = try CheckScenario()
        defer { scenario.stop() }
        try scenario.legacy.run("CREATE ROLE reader LOGIN", database: "legacy")
        let report = SourceCheck.run(try scenario.configuration(scenario.yaml(legacyDSN: scenario.legacy.dsn(database: "legacy", user: "reader"))))
        #expect(result(report, .legacy, "replication_privilege")?.fix == "ALTER ROLE reader REPLICATION;")
        #expect(result(report, .legacy, "replication_connection")?.outcome == .fail)
        #expect(result(report, .legacy, "table_privilege")?.fix == "GRANT SELECT ON public.orders TO reader;")
        #expect(report.exitCode == 3)
    }

    @Test("exhausted replication slots and WAL senders fail with the setting to raise")
    func exhausted() throws {
        let scenario = try CheckScenario(legacySettings: ["max_replication_slots": "1", "max_wal_senders": "0"])
        defer { scenario.stop() }
        try scenario.legacy.run("SELECT pg_create_logical_replication_slot('someone_else', 'pgoutput')", database: "legacy")
        let report = SourceCheck.run(try scenario.configuration(scenario.yaml()))
        #expect(result(report, .legacy, "replication_slots")?.detail == "all 1 replication slots are in use")
        #expect(result(report, .legacy, "wal_senders")?.fix?.contains("max_wal_senders = 1") == true)
        #expect(report.exitCode == 3)
    }

    @Test("an unreachable source is a connect failure, exit 3, and the other source is still checked")
    func unreachable() throws {
        let scenario = try CheckScenario()
        defer { scenario.stop() }
        let report = SourceCheck.run(try scenario.configuration(
            scenario.yaml(legacyDSN: "host=127.0.0.1 port=1 dbname=legacy user=parity password=hunter2-s3cret")))
        #expect(result(report, .legacy, "connect")?.outcome == .fail)
        #expect(result(report, .new, "wal_level")?.outcome == .pass)
        #expect(report.exitCode == 3)
        for format in CheckReportRenderer.formats {
            #expect(!CheckReportRenderer.render(report, format: format).contains("hunter2-s3cret"))
        }
    }

    @Test("the scope key table and the legacy summary table a close reads are looked for on their sources: missing ones fail, exit 2")
    func referenceTables() throws {
        let scenario = try CheckScenario()
        defer { scenario.stop() }
        let yaml = scenario.yaml() + """

                scope: { table: public.migrated_customers, column: customer_id, match: id }
            aggregates:
              - name: monthly
                table: orders
                measure: { sum: amount }
                scope: flow
                date: { legacy: placed_at, new: placed_at }
                legacy_summary: { table: public.month_totals, value: total, date: month }
            """
        let missing = SourceCheck.run(try scenario.configuration(yaml))
        #expect(result(missing, nil, "scope_table")?.detail
            == "public.migrated_customers, the scope of mapping orders, does not exist on the new source")
        #expect(result(missing, nil, "summary_table")?.detail
            == "public.month_totals, the legacy totals of aggregate monthly, does not exist on the legacy source")
        #expect(missing.exitCode == 2)

        try scenario.new.run("CREATE TABLE public.migrated_customers (customer_id bigint)", database: "modern")
        try scenario.legacy.run("CREATE TABLE public.month_totals (total numeric(14,2))", database: "legacy")
        let noDate = SourceCheck.run(try scenario.configuration(yaml))
        #expect(result(noDate, nil, "scope_table")?.outcome == .pass)
        #expect(result(noDate, nil, "summary_table")?.detail == "public.month_totals, the legacy totals of aggregate monthly, has no column month")
        #expect(noDate.exitCode == 2)

        try scenario.legacy.run("ALTER TABLE public.month_totals ADD COLUMN month date", database: "legacy")
        let ready = SourceCheck.run(try scenario.configuration(yaml))
        #expect(ready.exitCode == 0, "\(CheckReportRenderer.render(ready, format: .text))")
        #expect(CheckReportRenderer.render(ready, format: .text).contains(
            "PASS  summary_table public.month_totals public.month_totals on the legacy source is readable for the legacy totals of aggregate monthly"))
    }
}

@Suite("parity check: mapping keys against replica identities")
struct KeyIdentityCheckTests {
    @Test("a mapping keyed by a column outside the primary key fails key_identity with exit 2")
    func keyOutsidePrimaryKey() throws {
        let scenario = try CheckScenario()
        defer { scenario.stop() }
        try scenario.legacy.run("ALTER TABLE orders ADD COLUMN order_no text UNIQUE", database: "legacy")
        let yaml = scenario.yaml(ignore: "{ legacy: [row_version, ref, id] }")
            .replacingOccurrences(of: "key: { legacy: [id], new: [order_id] }", with: "key: { legacy: [order_no], new: [order_id] }")
        let report = SourceCheck.run(try scenario.configuration(yaml))
        let failure = report.sources[0].results.first { $0.name == "key_identity" }
        #expect(failure?.detail.contains("(order_no) is not in the replica identity of public.orders (id)") == true)
        #expect(!report.sources[0].results.contains { $0.name == "key_unique" })  // order_no is UNIQUE
        #expect(report.exitCode == 2)
    }

    @Test("a mapping keyed by a column no unique index covers warns key_unique; the check still passes")
    func keyNotUnique() throws {
        let scenario = try CheckScenario()
        defer { scenario.stop() }
        try scenario.legacy.run("""
            ALTER TABLE orders ADD COLUMN region text;
            ALTER TABLE orders REPLICA IDENTITY FULL;
            CREATE UNIQUE INDEX orders_region_partial ON orders (region) WHERE region IS NOT NULL;
            """, database: "legacy")
        let yaml = scenario.yaml(ignore: "{ legacy: [row_version, ref, id] }")
            .replacingOccurrences(of: "key: { legacy: [id], new: [order_id] }", with: "key: { legacy: [region], new: [order_id] }")
        let report = SourceCheck.run(try scenario.configuration(yaml))
        let warning = report.sources[0].results.first { $0.name == "key_unique" }
        #expect(warning?.outcome == .warn)
        #expect(warning?.detail.contains("(region) is not unique in public.orders") == true)
        #expect(!report.sources[1].results.contains { $0.name == "key_unique" })
    }

}
