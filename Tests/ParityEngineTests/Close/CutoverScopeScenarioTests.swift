import ExactNumeric
import Foundation
import ParityConfig
@testable import ParityEngine
import ParityModel
import ParityStore
import ParityTestSupport
import Reconciliation
import Reports
import SourceQueries
import Testing

/// Issue 28, item 6 on real clusters: a strangler-fig cutover whose new system holds only the migrated customers.
@Suite("Cutover scope")
struct CutoverScopeScenarioTests {
    /// Customers 0…99 with two orders each (`order_no = customer * 10 + 1, + 2`); the new system holds customer 0's.
    static let legacySchema = """
        CREATE TABLE orders (order_no int PRIMARY KEY, customer_id int, amount numeric(12,2));
        CREATE TABLE heap_log (id bigint, what text);
        INSERT INTO orders SELECT c * 10 + j, c, 10 + c FROM generate_series(0, 99) c, generate_series(1, 2) j;
        """
    static let newSchema = """
        CREATE TABLE orders (id int PRIMARY KEY, customer int, amount numeric(12,2));
        CREATE TABLE heap_log (id bigint, what text);
        CREATE TABLE migrated (customer_id int);
        INSERT INTO orders SELECT c * 10 + j, c, 10 + c FROM generate_series(0, 0) c, generate_series(1, 2) j;
        """

    static func tables(scope: String) -> String {
        """
          - name: orders
            legacy: public.orders
            new: public.orders
            key: { legacy: [order_no], new: [id] }
            columns:
              - { legacy: customer_id, new: customer }
              - { legacy: amount, new: amount, type: decimal }
            scope: \(scope)
        """
    }

    /// The config with the mapping's scope replaced.
    static func scoped(_ configuration: ParityConfiguration, _ scope: CutoverScope?) -> ParityConfiguration {
        var configuration = ungraced(configuration)
        configuration.tables[0].scope = scope
        return configuration
    }

    /// The scenario's config with no grace: a write anywhere in a 6-second window is judged in that window, so a step may
    /// write seconds into it (a loaded machine closes the previous cycle late) without its difference being carried.
    static func ungraced(_ configuration: ParityConfiguration) -> ParityConfiguration {
        var configuration = configuration
        configuration.cycle.grace = .zero
        return configuration
    }

    /// Copies customers `from…to` into the new system, one order of `off` (if any) a cent off.
    static func migrate(_ customers: ClosedRange<Int>, off: Int? = nil) -> String {
        "INSERT INTO orders SELECT c * 10 + j, c, 10 + c + CASE WHEN c * 10 + j = \(off ?? -1) THEN 0.01 ELSE 0 END"
            + " FROM generate_series(\(customers.lowerBound), \(customers.upperBound)) c, generate_series(1, 2) j"
    }

    private static func findingKeys(_ report: EndOfDayReport) -> Set<String> {
        Set(report.findings.map { ($0.key["order_no"] ?? nil) ?? "-" })
    }

    @Test("1% → 5% → 25% → 100% over four cycles: only in-scope rows produce findings, each cycle's share is reported, the gate needs 100%",
          arguments: ReconciliationScenario.StoreKind.allCases)
    func growingScope(_ storeKind: ReconciliationScenario.StoreKind) throws {
        let scenario = try ReconciliationScenario(storeKind: storeKind,
            legacySchema: Self.legacySchema, newSchema: Self.newSchema, tables: Self.tables(scope: "\"customer_id % 100 < 1\""),
            extraYAML: "gate: { cycles: 2 }\naggregates: [{ name: order_totals, table: orders, measure: { sum: amount }, scope: balance }]")
        defer { scenario.stop() }
        let session = try scenario.startCapture()
        defer { session.stop() }
        let calendar = try #require(CycleCalendar(scenario.configuration.cycle))
        try #require(MonthBoundary.waitOut(calendar.lastCompleteMonth(at:)))
        let baseline = try EndOfDayLoader.load(scenario.configuration, store: scenario.store, cycle: 0)
        #expect(baseline.findings.isEmpty && baseline.tables.first?.compared == 2, "\(baseline.tables)")
        #expect(baseline.tables.first?.scope?.inScope == 2 && baseline.tables.first?.scope?.rows == 200)

        // Each cycle migrates the next customers (a cent off on one order) and widens the scope to them.
        let steps: [(percent: Int, sql: (legacy: String, new: String))] = [
            (1, ("INSERT INTO orders VALUES (10001, 50, 5.00), (10002, 0, 7.00)", "INSERT INTO orders VALUES (10002, 0, 7.01)")),
            (5, ("", Self.migrate(1...4, off: 32))),
            (25, ("", Self.migrate(5...24, off: 152))),
            (100, ("", Self.migrate(25...99, off: 602) + "; INSERT INTO orders VALUES (10001, 50, 5.00)")),
            (100, ("", "")),
        ]
        // The window init ran in closes first, with nothing changed: the month's lowest share (1.0%) is an ordinary cycle's
        // whatever the clock, not only when init ended too late in its window for the first step to write in it.
        let idle = calendar.window(containing: Date())
        try CycleClock.closeThrough(
            idle, configuration: Self.scoped(scenario.configuration, .filter("customer_id % 100 < 1")), store: scenario.store, session: session
        ) {
            try scenario.write(legacy: "INSERT INTO heap_log VALUES (0, 'tick')", new: "INSERT INTO heap_log VALUES (0, 'tick')")
        }
        var window: CycleWindow? = idle
        var reports: [EndOfDayReport] = []
        var gates: [GateCriterion?] = []
        for step in steps {
            let next = try CycleClock.waitForWindow(calendar, offset: 0.2...4.5, window: window.map(calendar.window(after:)))
            window = next
            try scenario.write(legacy: step.sql.legacy, new: step.sql.new)
            let configuration = Self.scoped(scenario.configuration, .filter("customer_id % 100 < \(step.percent)"))
            try CycleClock.closeThrough(next, configuration: configuration, store: scenario.store, session: session) {
                try scenario.write(legacy: "INSERT INTO heap_log VALUES (0, 'tick')", new: "INSERT INTO heap_log VALUES (0, 'tick')")
            }
            let id = try #require(try scenario.store.cycles().first { $0.label == next.label }).id
            reports.append(try EndOfDayLoader.load(configuration, store: scenario.store, cycle: id))
            let input = try GateLoader.load(configuration, store: scenario.store)
            gates.append(GateEvaluator.evaluate(input, configuration: configuration.gate).criteria.first { $0.name == .scope })
        }

        // Findings: only rows in scope; a widened scope compares every row in it (the open difference on 10002 again).
        #expect(reports.map(Self.findingKeys) == [["10002"], ["10002", "32"], ["10002", "32", "152"], ["10002", "32", "152", "602"], []])
        #expect(reports.allSatisfy { $0.findings.allSatisfy { $0.kind == .valueMismatch } })
        let scopes = reports.map { $0.tables.first?.scope }
        #expect(scopes.map { $0.map { [$0.inScope, $0.rows] } } == [[3, 202], [11, 202], [51, 202], [202, 202], [202, 202]])
        #expect(scopes[0]?.outOfScope == 1 && scopes[0]?.comparedAll == false)  // 10001, customer 50's: counted, not compared
        #expect(scopes.dropFirst().map { $0?.comparedAll } == [true, true, true, false])
        #expect(scopes[4]?.history.suffix(5).map(\.share) == ["0.014851", "0.054455", "0.252475", "1.000000", "1.000000"])
        let text = EndOfDayRenderer.render(reports[3], format: .text)
        #expect(text.contains("cutover scope:") && text.contains("1.0% → 1.5% → 5.4% → 25.2% → 100.0%"), "\(text)")
        #expect(EndOfDayRenderer.render(reports[3], format: .json).contains("\"in_scope\" : 202"))
        #expect(EndOfDayRenderer.render(reports[3], format: .html).contains("<h2>Cutover scope</h2>"))

        // Aggregates add only the keys in scope: at 25%, customers 0…24 and order 10002 (7.00 and 7.01), three orders a cent off.
        let quarter = try #require(reports[2].aggregates.first)
        #expect(quarter.result.legacy == ExactDecimal("1107") && quarter.result.new == ExactDecimal("1107.03"))
        let month = try MonthlyLoader.load(scenario.configuration, store: scenario.store, month: String(reports[0].label.prefix(7)))
        #expect(month.aggregates.first?.cutoverScope == "1.0%–100.0% of orders in scope over the month's cycles (last: customer_id % 100 < 100)",
                "\(String(describing: month.aggregates.first?.cutoverScope))")

        // The gate (2 cycles): fails while a cycle of its window compared part of the table, passes once both are at 100%.
        #expect(gates.map { $0?.result } == [.fail, .fail, .fail, .fail, .pass], "\(gates)")
        #expect(gates[3]?.details.first?.contains("25.2% in scope (51 of 202 keys)") == true, "\(String(describing: gates[3]))")

        // The ledger holds what differs in the slice; verify --state agrees with it.
        let last = Self.scoped(scenario.configuration, .filter("customer_id % 100 < 100"))
        #expect(try StateVerifier.run(last, store: scenario.store).discrepancies.isEmpty)
        #expect(try scenario.store.differences().count == 4)
    }

    @Test("a scope table read at each close: keys added compare their unchanged rows; removing the scope compares every row")
    func scopeTable() throws {
        let scenario = try ReconciliationScenario(
            legacySchema: Self.legacySchema + "INSERT INTO orders VALUES (10003, 2, 1.00);",
            newSchema: Self.newSchema + Self.migrate(1...2) + "; INSERT INTO orders VALUES (10003, 2, 1.50); INSERT INTO migrated VALUES (0), (1);",
            tables: Self.tables(scope: "{ table: public.migrated, column: customer_id }"))
        defer { scenario.stop() }
        let missing = Self.scoped(scenario.configuration, .keyTable(ScopeKeyTable(table: try QualifiedName(parsing: "public.nope"), column: "id")))
        #expect {
            _ = try CycleCloser.close(missing, store: scenario.store)
        } throws: { error in
            let engine = error as? EngineError
            return engine?.code == .sourceUnreachable && engine?.source == "new" && engine?.message.contains("scope table public.nope of orders") == true
        }
        #expect(try scenario.store.cycles().isEmpty)

        let session = try scenario.startCapture()
        defer { session.stop() }
        let calendar = try #require(CycleCalendar(scenario.configuration.cycle))
        #expect(try EndOfDayLoader.load(scenario.configuration, store: scenario.store, cycle: 0).findings.isEmpty)

        // Customer 2 joins the table: its orders changed nowhere, yet 10003 (a different amount since the baseline) is found. The
        // cycle the clock is in closes first, so the table's new key reaches the next close only (a close reads it once).
        var reports: [EndOfDayReport] = []
        var window: CycleWindow? = calendar.window(containing: Date())
        try scenario.closeThrough(window!, session: session)
        for (sql, configuration) in [
            ("INSERT INTO migrated VALUES (2)", Self.ungraced(scenario.configuration)), ("", Self.ungraced(scenario.configuration)),
            ("", Self.scoped(scenario.configuration, nil)),
        ] {
            let next = try CycleClock.waitForWindow(calendar, offset: 0.2...4.5, window: window.map(calendar.window(after:)))
            window = next
            try scenario.write(legacy: "", new: sql)
            try CycleClock.closeThrough(next, configuration: configuration, store: scenario.store, session: session) {
                try scenario.write(legacy: "INSERT INTO heap_log VALUES (0, 'tick')", new: "INSERT INTO heap_log VALUES (0, 'tick')")
            }
            let id = try #require(try scenario.store.cycles().first { $0.label == next.label }).id
            reports.append(try EndOfDayLoader.load(configuration, store: scenario.store, cycle: id))
            if reports.count == 1 { #expect(try StateVerifier.run(configuration, store: scenario.store).discrepancies.isEmpty) }
        }
        var everyRow: Set<String> = ["10003"]
        for customer in 3...99 {
            everyRow.insert(String(customer * 10 + 1))
            everyRow.insert(String(customer * 10 + 2))
        }
        #expect(reports.map(Self.findingKeys) == [["10003"], [], everyRow])
        let scopes = reports.map { $0.tables.first?.scope }
        #expect(scopes[0]?.listedKeys == 3 && scopes[0]?.comparedAll == true && scopes[0]?.inScope == 7 && scopes[0]?.rows == 201)
        #expect(scopes[1]?.comparedAll == false && scopes[1]?.inScope == 7)
        #expect(scopes[2]?.definition == nil && scopes[2]?.comparedAll == true && scopes[2]?.inScope == 201)
    }
}
