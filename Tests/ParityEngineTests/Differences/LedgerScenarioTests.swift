import Foundation
import GRDB
import ParityConfig
@testable import ParityEngine
@testable import ParityStore
import Reconciliation
import Reports
import Testing

/// The open-differences ledger over real cycles: a difference nobody touches again stays open and fails the gate
/// after its cycle left the window; a baseline difference too; a disposition added to the config explains an open
/// difference at the next close with no write to its key; a repair resolves it; a store from before the ledger
/// rebuilds it by comparing the keys its findings name.
@Suite("open differences over real cycles")
struct LedgerScenarioTests {
    /// Order 4's placed_at differs from the baseline on (legacy wrote UTC as local time).
    static let baselineKey = "orders {order_no=4} placed_at value_mismatch, open since the baseline"

    @Test("planted once, never written again: open until repaired, failing the gate whatever cycle found it")
    func stateNotEvents() throws {
        let scenario = try ReconciliationScenario()
        defer { scenario.stop() }
        let session = try scenario.startCapture()
        defer { session.stop() }
        let calendar = try #require(CycleCalendar(scenario.configuration.cycle))
        #expect(try scenario.store.differences().map(\.finding.kind) == [.valueMismatch], "the baseline's difference is open")

        // Cycle 1: order 10 reaches the new system as paid; nobody writes it again.
        let planted = try CycleClock.waitForWindow(calendar, offset: 0.2...3)
        try scenario.write(
            legacy: "INSERT INTO orders VALUES (10, 'O', 10.000, NULL, NULL)",
            new: "INSERT INTO sales.purchase_order VALUES (10, 'paid', 10.00, NULL, NULL)")
        let later = calendar.window(after: calendar.window(after: planted))
        try scenario.closeThrough(later, session: session)
        let plantedCycle = try #require(try scenario.store.cycles().first { $0.label == planted.label }).id

        // The gate over the last two cycles: neither reported order 10 or order 4, and both fail it.
        var configuration = scenario.configuration
        configuration.gate.cycles = 2
        let gate = try evaluate(configuration, scenario)
        #expect(gate.window.map { $0.firstCycleID > plantedCycle } == true, "the planted cycle is out of the window")
        let unexplained = try #require(gate.criteria.first { $0.name == .unexplainedDiffs })
        #expect(unexplained.result == .fail && unexplained.command == "parity report open", "\(unexplained)")
        #expect(unexplained.details.contains(Self.baselineKey), "\(unexplained.details)")
        #expect(unexplained.details.contains { $0.hasPrefix("orders {order_no=10} status value_mismatch, open since cycle \(plantedCycle)") },
                "\(unexplained.details)")
        let dispositions = try #require(gate.criteria.first { $0.name == .dispositions })
        #expect(Set(dispositions.details) == ["orders.placed_at value_mismatch: no disposition", "orders.status value_mismatch: no disposition"])

        // A disposition for order 4's category, added to the config: the next close explains it, nobody writes order 4.
        let reviewed = try ParityConfiguration.parse(
            yaml: scenario.configuration.text + """

                dispositions:
                  - { table: orders, column: placed_at, kind: value_mismatch, disposition: legacy_bug, note: "legacy stored UTC as local" }
                """, file: "reviewed.yaml", environment: [:])
        let explained = calendar.window(after: try CycleClock.waitForWindow(calendar, offset: 0.2...3))
        try CycleClock.closeThrough(explained, configuration: reviewed, store: scenario.store, session: session) {
            try scenario.write(legacy: "INSERT INTO heap_log VALUES (0, 'tick')", new: "INSERT INTO heap_log VALUES (0, 'tick')")
        }
        let open = try scenario.store.differences()
        #expect(open.map { "\($0.finding.key["order_no"]! ?? "") \($0.finding.disposition?.rawValue ?? "none")" } == ["4 legacy_bug", "10 none"])
        #expect(open.allSatisfy { $0.lastSeen > plantedCycle }, "every close compares every open key again")

        // The new system repairs order 10: the next close resolves it, and the gate passes on what differs.
        let repair = try CycleClock.waitForWindow(calendar, offset: 0.2...3)
        try scenario.write(legacy: "", new: "UPDATE sales.purchase_order SET state = 'open' WHERE id = 10")
        try CycleClock.closeThrough(repair, configuration: reviewed, store: scenario.store, session: session) {
            try scenario.write(legacy: "INSERT INTO heap_log VALUES (0, 'tick')", new: "INSERT INTO heap_log VALUES (0, 'tick')")
        }
        let repairCycle = try #require(try scenario.store.cycles().first { $0.label == repair.label }).id
        #expect(try scenario.store.differences(open: false).map { "\($0.finding.key["order_no"]! ?? "") \($0.resolvedCycle ?? -1)" }
                == ["10 \(repairCycle)"])
        var reviewedGate = reviewed
        reviewedGate.gate.cycles = 2
        let passing = try evaluate(reviewedGate, scenario)
        #expect(passing.criteria.first { $0.name == .unexplainedDiffs }?.result == .pass, "\(passing.criteria)")
        #expect(passing.criteria.first { $0.name == .dispositions }?.result == .pass, "\(passing.criteria)")

        // The end-of-day report of the repair cycle and parity report open say the same.
        let eod = try EndOfDayLoader.load(reviewed, store: scenario.store, cycle: repairCycle)
        let ledger = try #require(eod.openDifferences)
        #expect(ledger.open == 1 && ledger.resolved == 1 && ledger.new == 0)
        #expect(ledger.categories.map { "\($0.column ?? "-") \($0.open) \($0.resolved) \($0.oldestFirstSeen ?? -1)" }
                == ["placed_at 1 0 0", "status 0 1 -1"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(EndOfDayRenderer.render(eod, format: .json).utf8)) as? [String: Any])
        let section = try #require(json["open_differences"] as? [String: Any])
        #expect(section["open"] as? Int == 1 && section["resolved"] as? Int == 1)
        #expect(try OpenDifferencesLoader.load(reviewed, store: scenario.store).rows.isEmpty, "nothing unexplained is open")
        let all = try OpenDifferencesLoader.load(reviewed, store: scenario.store, includeExplained: true)
        #expect(all.rows.map(\.item.keyText) == ["order_no=4"] && all.rows.first?.note == "legacy stored UTC as local")

        // A store from before the ledger: the next close compares again every key its findings named.
        try scenario.sqlite.write { db in
            try db.execute(sql: "DELETE FROM difference")
            try db.execute(sql: "INSERT INTO store_info (key, value) VALUES ('difference_rebuild', '1')")
        }
        // The first close after the reset rebuilds the ledger (cycles may close while the test waits for a window).
        let rebuilt = try CycleClock.waitForWindow(calendar, offset: 0.2...3)
        try CycleClock.closeThrough(rebuilt, configuration: reviewed, store: scenario.store, session: session) {
            try scenario.write(legacy: "INSERT INTO heap_log VALUES (0, 'tick')", new: "INSERT INTO heap_log VALUES (0, 'tick')")
        }
        let rebuiltAgain = try scenario.store.differences()
        #expect(rebuiltAgain.map { $0.finding.key["order_no"]! ?? "" } == ["4"], "order 4 differs still, order 10 was repaired")
        #expect(rebuiltAgain.allSatisfy { $0.firstSeen > repairCycle && $0.finding.disposition == .legacyBug }, "\(rebuiltAgain)")
        #expect(try scenario.sqlite.read { try StoreInfo.get($0, "difference_rebuild") } == nil)
    }

    private func evaluate(_ configuration: ParityConfiguration, _ scenario: ReconciliationScenario) throws -> GateReport {
        GateEvaluator.evaluate(try GateLoader.load(configuration, store: scenario.store), configuration: configuration.gate)
    }
}
