import Foundation
import ParityConfig
import ParityEngine
import ParityModel
import ParityStore
import Reconciliation
import Reports
import SourceQueries
import Synchronization
import Testing

@Suite("Closing cycles against real clusters")
struct CloseTests {
    static let period: TimeInterval = 6

    /// A finding as the test compares it: table, key, column, kind, legacy, new, disposition.
    struct Seen: Hashable {
        var table, key, column, kind: String
        var legacy, new, disposition: String?

        init(_ finding: Finding) {
            table = finding.mapping
            key = finding.key.keys.sorted().map { "\($0)=\(finding.key[$0]! ?? "NULL")" }.joined(separator: ",")
            column = finding.column ?? "-"
            kind = finding.kind.rawValue
            legacy = finding.legacy
            new = finding.new
            disposition = finding.disposition?.rawValue
        }

        init(_ table: String, _ key: String, _ column: String, _ kind: String, _ legacy: String?, _ new: String?, _ disposition: String? = nil) {
            (self.table, self.key, self.column, self.kind, self.legacy, self.new, self.disposition) = (table, key, column, kind, legacy, new, disposition)
        }
    }

    @Test("baseline, planted defects, a disposition, a carried key near the cutoff, idempotent close and the eod JSON")
    func cyclesEndToEnd() throws {
        let scenario = try CaptureScenario(
            extraYAML: """
                cycle: { period: 6s, settle: 0s, grace: 2s }
                dispositions:
                  - { table: orders, column: status, kind: value_mismatch, disposition: intentional_change, note: "new status codes" }
                """,
            noteColumn: "{ legacy: note, new: note, normalize: [null_equals_empty], pii: true }",
            newSetup: "UPDATE orders SET amount = 20.01 WHERE id = 2")
        defer { scenario.stop() }
        let configuration = scenario.configuration
        let session = try CaptureSession(configuration: configuration, store: scenario.store, statusInterval: .milliseconds(200))
        session.start()
        defer { session.stop() }

        // Cycle 0 compares every baseline row, reporting each mapping's keys compared as it goes.
        let reports = Mutex<[WorkProgress]>([])
        let first = try CycleCloser.close(configuration, store: scenario.store, progress: { report in reports.withLock { $0.append(report) } })
        #expect(first.closed.first?.cycle.id == 0)
        let finished = reports.withLock { $0 }.filter(\.done).map { "\($0.subject) \($0.count) \($0.unit)" }
        #expect(finished == ["baseline orders 2 keys", "baseline lines 2 keys"], "\(finished)")
        #expect(try findings(scenario, cycle: 0) == [Seen("orders", "id=2", "amount", "value_mismatch", "20.00", "20.01")])
        #expect(try scenario.store.cycle(id: 0)?.keysCompared == 4)

        // Shadow writes early in one window, with planted defects.
        let calendar = try #require(CycleCalendar(configuration.cycle))
        let defects = try CycleClock.waitForWindow(calendar, offset: 0.2...1.5)
        try write(scenario, legacy: """
            INSERT INTO orders VALUES (10, 'O', 10.00, NULL, NULL), (11, 'O', 11.00, NULL, NULL), (13, 'O', 13.00, NULL, NULL),
                                      (14, 'O', 14.00, NULL, NULL), (15, 'O', 15.00, 'secret-a', NULL);
            INSERT INTO lines VALUES (9, 1, 1, 1.000);
            """, new: """
            INSERT INTO orders VALUES (10, 'O', 10.00, '', NULL), (12, 'O', 12.00, NULL, NULL), (13, 'P', 13.00, NULL, NULL),
                                      (14, 'O', 14.01, NULL, NULL), (15, 'O', 15.00, 'secret-b', NULL);
            INSERT INTO lines VALUES (9, 1, 1, 1.000);
            """)
        // A write on one side within grace of the next window's cutoff: carried, then reported.
        let carryWindow = calendar.window(after: defects)
        _ = try CycleClock.waitForWindow(calendar, offset: (Self.period - 1.8)...(Self.period - 0.8), window: carryWindow)
        try write(scenario, legacy: "UPDATE orders SET status = 'V' WHERE id = 10", new: "")
        let reportWindow = calendar.window(after: carryWindow)
        try closeThrough(reportWindow, scenario: scenario, session: session)

        let cycles = try scenario.store.cycles()
        let defectsCycle = try #require(cycles.first { $0.label == defects.label })
        let carryCycle = try #require(cycles.first { $0.label == carryWindow.label })
        let reportCycle = try #require(cycles.first { $0.label == reportWindow.label })
        #expect(cycles.map(\.id) == Array(0...Int64(cycles.count - 1)))
        #expect(try findings(scenario, cycle: defectsCycle.id) == [
            Seen("orders", "id=11", "-", "missing_in_new", nil, nil),
            Seen("orders", "id=12", "-", "missing_in_legacy", nil, nil),
            Seen("orders", "id=13", "status", "value_mismatch", "O", "P", "intentional_change"),
            Seen("orders", "id=14", "amount", "value_mismatch", "14.00", "14.01"),
            Seen("orders", "id=15", "note", "value_mismatch", "secret-a", "secret-b"),
        ])
        #expect(defectsCycle.keysCompared == 7)
        #expect(defectsCycle.unexplainedRate == "0.571429")
        #expect(try scenario.store.cycleTables(cycle: defectsCycle.id).map(\.matched) == [1, 1])
        #expect(try findings(scenario, cycle: carryCycle.id) == [])
        #expect(try scenario.store.cycleTables(cycle: carryCycle.id).first { $0.mapping == "orders" }?.compared == 1)
        #expect(try findings(scenario, cycle: reportCycle.id) == [Seen("orders", "id=10", "status", "value_mismatch", "V", "O", "intentional_change")])
        #expect(reportCycle.unexplainedRate == "0.000000")

        // A second close at the same moment closes nothing.
        let again = try CycleCloser.close(configuration, store: scenario.store, now: Date(timeIntervalSince1970: Double(reportCycle.closedAt) / 1e6))
        #expect(again.closed.isEmpty)
        #expect(again.waiting != nil)
        #expect(try scenario.store.cycles().count == cycles.count)

        // The end-of-day JSON has the contract's fields, every finding, and masks the pii column.
        let report = try EndOfDayLoader.load(configuration, store: scenario.store, cycle: defectsCycle.id)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(EndOfDayRenderer.render(report, format: .json).utf8)) as? [String: Any])
        #expect(json["schema"] as? String == "parity.eod/1")
        #expect(Set(json.keys).isSuperset(of: ["schema", "cycle", "tables", "findings", "findings_total", "hidden_state", "unexplained_rate"]))
        let cycleKeys = Set((json["cycle"] as? [String: Any] ?? [:]).keys)
        #expect(cycleKeys.isSuperset(of: ["id", "start", "end", "status"]))
        #expect(json["findings_total"] as? Int == 5)
        #expect(json["unexplained_rate"] as? String == "0.571429")
        let items = try #require(json["findings"] as? [[String: Any]])
        #expect(items.allSatisfy { Set($0.keys) == ["table", "key", "column", "kind", "legacy", "new", "disposition", "attributed_to"] })
        let note = try #require(items.first { $0["column"] as? String == "note" })
        #expect(note["legacy"] as? String == "***" && note["new"] as? String == "***")
        #expect((items.first { $0["kind"] as? String == "missing_in_new" }?["key"] as? [String: String]) == ["id": "11"])
        let tables = try #require(json["tables"] as? [[String: Any]])
        #expect(tables.first { $0["name"] as? String == "orders" }?["findings"] as? [String: Int] == ["missing_in_new": 1, "missing_in_legacy": 1, "value_mismatch": 3])
        let text = EndOfDayRenderer.render(try EndOfDayLoader.load(configuration, store: scenario.store, cycle: defectsCycle.id, limit: 2), format: .text)
        #expect(text.contains("findings: 5 (first 2)") && !text.contains("secret"))
        let carried = try EndOfDayLoader.load(configuration, store: scenario.store, cycle: carryCycle.id)
        #expect(carried.carriedKeys.map(\.canonicalKey) == ["[\"10\"]"])
    }

    private func findings(_ scenario: CaptureScenario, cycle: Int64) throws -> [Seen] {
        try scenario.store.findings(cycle: cycle).map(Seen.init).sorted { "\($0.key)\($0.column)" < "\($1.key)\($1.column)" }
    }

    private func write(_ scenario: CaptureScenario, legacy: String, new: String) throws {
        if !legacy.isEmpty { try scenario.legacy.run(legacy, database: "legacy") }
        if !new.isEmpty { try scenario.new.run(new, database: "modern") }
    }

    /// Closes until `window` is closed, ticking both sources so their watermarks advance.
    private func closeThrough(_ window: CycleWindow, scenario: CaptureScenario, session: CaptureSession) throws {
        try CycleClock.closeThrough(window, configuration: scenario.configuration, store: scenario.store, session: session) {
            try write(scenario, legacy: "INSERT INTO heap_log VALUES (0, 'tick')", new: "INSERT INTO heap_log VALUES (0, 'tick')")
        }
    }
}
