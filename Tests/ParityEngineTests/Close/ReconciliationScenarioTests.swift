import Foundation
import ParityConfig
import ParityEngine
import ParityModel
import ParityStore
import Reconciliation
import Testing

/// Issue 4's scenario: shadow writes on two databases with different schemas, three short cycles, planted defects.
@Suite("Reconciling two schemas through three cycles")
struct ReconciliationScenarioTests {
    static let period: TimeInterval = 6

    /// A finding as compared here: key, column, kind, legacy, new.
    struct Seen: Hashable, CustomStringConvertible {
        var key, column, kind: String
        var legacy, new: String?

        init(_ finding: Finding) {
            key = finding.key.keys.sorted().map { "\($0)=\(finding.key[$0]! ?? "NULL")" }.joined(separator: ",")
            column = finding.column ?? "-"
            kind = finding.kind.rawValue
            legacy = finding.legacy
            new = finding.new
        }

        init(_ key: String, _ column: String, _ kind: String, _ legacy: String?, _ new: String?) {
            (self.key, self.column, self.kind, self.legacy, self.new) = (key, column, kind, legacy, new)
        }

        var description: String { "\(key) \(column) \(kind) \(legacy ?? "NULL") \(new ?? "NULL")" }
    }

    /// The new system's translation of a legacy Vancouver wall-clock time (what the shadow writer does).
    private static func instant(_ local: String) -> String { "TIMESTAMP '\(local)' AT TIME ZONE 'America/Vancouver'" }

    /// On either store, the same findings: the PostgreSQL store (issue 26) answers as the SQLite store does.
    @Test("baseline, three cycles of shadow writes with planted defects, and writes straddling cutoffs within grace",
          arguments: ReconciliationScenario.StoreKind.allCases)
    func threeCycles(_ storeKind: ReconciliationScenario.StoreKind) throws {
        let scenario = try ReconciliationScenario(storeKind: storeKind)
        defer { scenario.stop() }
        let session = try CaptureSession(configuration: scenario.configuration, store: scenario.store, statusInterval: .milliseconds(200))
        session.start()
        defer { session.stop() }

        // Cycle 0: every baseline row. Rows 2 and 3 (local times on the spring-forward and fall-back days, 3 in the
        // repeated hour) match the same instants on new; row 4's legacy time was stored as if it were UTC.
        let baseline = try CycleCloser.close(scenario.configuration, store: scenario.store)
        #expect(baseline.closed.map(\.cycle.id) == [0])
        let baselineFindings = try findings(scenario, cycle: 0)
        #expect(baselineFindings == [
            Seen("order_no=4", "placed_at", "value_mismatch", "2026-11-01 12:00:00", "2026-11-01 12:00:00+00"),
        ])
        #expect(try scenario.store.cycle(id: 0)?.keysCompared == 4)

        let calendar = try #require(CycleCalendar(scenario.configuration.cycle))
        let first = try CycleClock.waitForWindow(calendar, offset: 0.2...1.5)
        // Cycle A: matches across the schemas (scale 3 vs 2, negative amounts, codes vs words, local time vs instant
        // in the fall-back day's repeated hour with microseconds and in the spring-forward gap, NULL vs '' on the
        // null_equals_empty column) and defects: 12 only in legacy, 13 only in new, a wrong status, an amount off by
        // 0.01, and NULL vs '' on the status column, which has no null_equals_empty.
        try scenario.write(legacy: """
            INSERT INTO orders VALUES (10, 'O', -10.100, '2026-11-21 09:00', NULL), (11, 'P', 12.500, '2026-11-01 01:59:59.123456', 'n'),
                                      (12, 'O', 12.000, NULL, NULL), (14, 'O', 14.000, NULL, NULL), (15, 'O', 15.000, '2026-03-08 02:30', NULL),
                                      (16, 'V', 16.000, '2026-11-01 00:30', NULL), (17, NULL, 17.000, NULL, NULL), (18, 'O', 18.000, NULL, NULL);
            UPDATE orders SET status = 'P' WHERE order_no = 1;
            """, new: """
            INSERT INTO sales.purchase_order VALUES (10, 'open', -10.10, \(Self.instant("2026-11-21 09:00")), NULL),
                (11, 'paid', 12.50, \(Self.instant("2026-11-01 01:59:59.123456")), 'n'), (13, 'open', 13.00, NULL, NULL),
                (14, 'paid', 14.00, NULL, NULL), (15, 'open', 15.01, \(Self.instant("2026-03-08 02:30")), NULL),
                (16, 'void', 16.00, \(Self.instant("2026-11-01 00:30")), ''), (17, '', 17.00, NULL, NULL),
                (18, 'open', 18.00, NULL, NULL);
            UPDATE sales.purchase_order SET state = 'paid' WHERE id = 1;
            """)
        // Legacy commits (an insert, an update, a delete) within grace before A's cutoff, new just after it: carried once, then matched.
        _ = try CycleClock.waitForWindow(calendar, offset: (Self.period - 1.7)...(Self.period - 0.7), window: first)
        try scenario.write(legacy: """
            INSERT INTO orders VALUES (20, 'O', 20.000, '2026-11-21 10:00', NULL);
            UPDATE orders SET amount = 21.000 WHERE order_no = 2;
            DELETE FROM orders WHERE order_no = 18;
            """, new: "")
        let second = calendar.window(after: first)
        _ = try CycleClock.waitForWindow(calendar, offset: 0.1...1.2, window: second)
        // Cycle B: the straddling writes land on new; defects: 3 deleted only on legacy, 10 deleted only on new;
        // '' vs NULL (the other way round) on the null_equals_empty column.
        try scenario.write(legacy: """
            DELETE FROM orders WHERE order_no = 3;
            UPDATE orders SET note = '' WHERE order_no = 11;
            """, new: """
            INSERT INTO sales.purchase_order VALUES (20, 'open', 20.00, \(Self.instant("2026-11-21 10:00")), NULL);
            UPDATE sales.purchase_order SET total = 21.00 WHERE id = 2;
            DELETE FROM sales.purchase_order WHERE id = 18;
            DELETE FROM sales.purchase_order WHERE id = 10;
            UPDATE sales.purchase_order SET memo = NULL WHERE id = 11;
            """)
        // New commits within grace before B's cutoff, legacy just after it.
        _ = try CycleClock.waitForWindow(calendar, offset: (Self.period - 1.7)...(Self.period - 0.7), window: second)
        try scenario.write(legacy: "", new: """
            INSERT INTO sales.purchase_order VALUES (21, 'void', 21.00, NULL, 'late');
            UPDATE sales.purchase_order SET state = 'void' WHERE id = 1;
            """)
        let third = calendar.window(after: second)
        _ = try CycleClock.waitForWindow(calendar, offset: 0.1...1.2, window: third)
        // Cycle C: the straddling writes land on legacy; defects: 30 only in legacy, 31 only in new, a wrong status.
        try scenario.write(legacy: """
            INSERT INTO orders VALUES (21, 'V', 21.000, NULL, 'late'), (30, 'O', 30.000, NULL, NULL);
            UPDATE orders SET status = 'V' WHERE order_no = 1;
            UPDATE orders SET status = 'V' WHERE order_no = 2;
            """, new: """
            INSERT INTO sales.purchase_order VALUES (31, 'open', 31.00, NULL, NULL);
            """)
        try scenario.closeThrough(third, session: session)

        let cycles = try scenario.store.cycles()
        let a = try #require(cycles.first { $0.label == first.label })
        let b = try #require(cycles.first { $0.label == second.label })
        let c = try #require(cycles.first { $0.label == third.label })
        // Cycles close in order with no gap; the ones before A (the window `init` ran in) saw no shadow writes.
        #expect(cycles.map(\.id) == Array(0...c.id) && [b.id, c.id] == [a.id + 1, a.id + 2])
        #expect(cycles.allSatisfy { $0.status == .closed })
        for quiet in cycles where quiet.id > 0 && quiet.id < a.id { #expect(try findings(scenario, cycle: quiet.id) == []) }

        #expect(try findings(scenario, cycle: a.id) == [
            Seen("order_no=12", "-", "missing_in_new", nil, nil),
            Seen("order_no=13", "-", "missing_in_legacy", nil, nil),
            Seen("order_no=14", "status", "value_mismatch", "O", "paid"),
            Seen("order_no=15", "amount", "value_mismatch", "15.000", "15.01"),
            Seen("order_no=17", "status", "value_mismatch", nil, ""),
        ])
        #expect(a.keysCompared == 12)
        #expect(try scenario.store.cycleTables(cycle: a.id).map(\.matched) == [4])
        #expect(try scenario.store.carriedKeys(into: b.id).map(\.canonicalKey) == ["[\"18\"]", "[\"2\"]", "[\"20\"]"])

        #expect(try findings(scenario, cycle: b.id) == [
            Seen("order_no=10", "-", "missing_in_new", nil, nil),
            Seen("order_no=3", "-", "missing_in_legacy", nil, nil),
        ])
        #expect(b.keysCompared == 8)
        #expect(try scenario.store.cycleTables(cycle: b.id).map(\.matched) == [4])
        #expect(try scenario.store.carriedKeys(into: c.id).map(\.canonicalKey) == ["[\"1\"]", "[\"21\"]"])

        #expect(try findings(scenario, cycle: c.id) == [
            Seen("order_no=2", "status", "value_mismatch", "V", "paid"),
            Seen("order_no=30", "-", "missing_in_new", nil, nil),
            Seen("order_no=31", "-", "missing_in_legacy", nil, nil),
        ])
        #expect(c.keysCompared == 5)
        #expect(try scenario.store.cycleTables(cycle: c.id).map(\.matched) == [2])
    }

    private func findings(_ scenario: ReconciliationScenario, cycle: Int64) throws -> [Seen] {
        try scenario.store.findings(cycle: cycle).map(Seen.init).sorted { "\($0.key)\($0.column)" < "\($1.key)\($1.column)" }
    }
}
