import Foundation
import ParityConfig
import ParityEngine
import ParityStore
import Reconciliation
import SourceQueries
import Testing

/// A legacy table partitioned by month (range partitions, a default partition, one attached mid-run) mapped to a plain
/// table in the new system.
@Suite("A partitioned legacy table mapped to a plain new one")
struct PartitionedTableTests {
    static let legacySchema = """
        CREATE TABLE heap_log (id bigint, what text);
        CREATE TABLE ledger (entry_id int, booked_on date NOT NULL, account text, amount numeric(12,2),
                             PRIMARY KEY (entry_id, booked_on)) PARTITION BY RANGE (booked_on);
        CREATE TABLE ledger_2026_11 PARTITION OF ledger FOR VALUES FROM ('2026-11-01') TO ('2026-12-01');
        CREATE TABLE ledger_2026_12 PARTITION OF ledger FOR VALUES FROM ('2026-12-01') TO ('2027-01-01');
        CREATE TABLE ledger_default PARTITION OF ledger DEFAULT;
        INSERT INTO ledger VALUES (1, '2026-11-05', 'A', 10.00), (2, '2026-12-03', 'A', 20.00), (3, '2025-06-01', 'B', 5.55);
        """
    static let newSchema = """
        CREATE TABLE heap_log (id bigint, what text);
        CREATE TABLE ledger (entry_id int PRIMARY KEY, booked_on date NOT NULL, account text, amount numeric(12,2));
        INSERT INTO ledger VALUES (1, '2026-11-05', 'A', 10.00), (2, '2026-12-03', 'A', 20.00), (3, '2025-06-01', 'B', 5.55);
        """
    static let tables = """
          - name: ledger
            legacy: public.ledger
            new: public.ledger
            key: { legacy: [entry_id], new: [entry_id] }
            columns:
              - { legacy: booked_on, new: booked_on }
              - { legacy: account, new: account }
              - { legacy: amount, new: amount, type: decimal, scale: 2 }
        """
    static let aggregates = """
        aggregates:
          - { name: balances, table: ledger, measure: { sum: amount }, group_by: [account], scope: balance, tolerance: "0.00" }
        """

    @Test("captured, copied, compared and aggregated as one table: exactly the planted differences, sums exact to the cent")
    func partitionedToPlain() throws {
        let scenario = try ReconciliationScenario(
            legacySchema: Self.legacySchema, newSchema: Self.newSchema, tables: Self.tables, extraYAML: Self.aggregates)
        defer { scenario.stop() }
        let check = SourceCheck.run(scenario.configuration)
        #expect(check.allResults.contains { $0.name == "partitioned" && $0.subject == "public.ledger" && $0.outcome == .pass })
        #expect(try scenario.store.rowCount(side: .legacy, mapping: "ledger") == 3, "the baseline copy reads every partition")
        let session = try scenario.startCapture()
        defer { session.stop() }
        #expect(try scenario.store.findings(cycle: 0).isEmpty)

        let calendar = try #require(CycleCalendar(scenario.configuration.cycle))
        let window = try CycleClock.waitForWindow(calendar, offset: 0.2...1.5)
        // The same writes on both sides, rows landing in each partition, a row moved across partitions, a partition
        // attached meanwhile; planted: 12 only in legacy (default partition), 13 off by one cent (December partition).
        let shared = """
            INSERT INTO ledger VALUES (10, '2026-11-20', 'A', 1.10), (11, '2026-12-24', 'B', 2.20), (14, '2024-01-01', 'B', 4.40);
            UPDATE ledger SET amount = 11.00 WHERE entry_id = 1;
            UPDATE ledger SET booked_on = '2026-12-31' WHERE entry_id = 10;
            DELETE FROM ledger WHERE entry_id = 3;
            """
        try scenario.write(legacy: shared + """
            CREATE TABLE ledger_2027_01 PARTITION OF ledger FOR VALUES FROM ('2027-01-01') TO ('2027-02-01');
            INSERT INTO ledger VALUES (15, '2027-01-15', 'A', 7.77), (12, '2023-03-03', 'A', 3.30), (13, '2026-12-02', 'B', 9.99);
            """, new: shared + """
            INSERT INTO ledger VALUES (15, '2027-01-15', 'A', 7.77), (13, '2026-12-02', 'B', 9.98);
            """)
        try scenario.closeThrough(window, session: session)

        let cycle = try #require(try scenario.store.cycles().first { $0.label == window.label })
        let found = try scenario.store.findings(cycle: cycle.id).map { "\(($0.key["entry_id"] ?? nil) ?? "-") \($0.column ?? "-") \($0.kind) \($0.legacy ?? "NULL") \($0.new ?? "NULL")" }
        #expect(found.sorted() == ["12 - missing_in_new NULL NULL", "13 amount value_mismatch 9.99 9.98"])
        #expect(!found.contains { $0.contains("missing_in_legacy") }, "no row both systems received is missing")

        let report = try EndOfDayLoader.load(scenario.configuration, store: scenario.store, cycle: cycle.id)
        let balances = report.aggregates.filter { $0.result.aggregate == "balances" }
        let byAccount = Dictionary(balances.map { ($0.groupText, ($0.result.legacy?.description, $0.result.new?.description, $0.result.difference.description)) }, uniquingKeysWith: { first, _ in first })
        // A: 11.00 + 1.10 + 20.00 + 7.77 + 3.30 legacy; B: 2.20 + 4.40 + 9.99 legacy.
        #expect(byAccount["account=A"]?.0 == "43.17" && byAccount["account=A"]?.1 == "39.87" && byAccount["account=A"]?.2 == "-3.30",
                "\(byAccount)")
        #expect(byAccount["account=B"]?.0 == "16.59" && byAccount["account=B"]?.1 == "16.58" && byAccount["account=B"]?.2 == "-0.01",
                "\(byAccount)")
        // The partitions are the table's: never writes of their own, never unmapped.
        #expect(!report.hiddenState.contains { $0.message.contains("ledger_") }, "\(report.hiddenState)")
    }
}
