import Foundation
import ParityConfig
@testable import ParityEngine
import ParityModel
import ParityStore
import Reconciliation
import Reports
import Testing

/// Stored decisions over real cycles: a `match` category fixed and then back is reopened in the end-of-day report and
/// fails the gate until decided again; a decision past its expiry date (by the evaluation's injected clock) counts as
/// none and fails the gate; a relative tolerance classifies within and over.
@Suite("disposition decisions over real cycles")
struct DecisionScenarioTests {
    static let status = "orders.status value_mismatch"

    @Test("a match decision fixed and then back is reopened, fails the gate until decided again; an expired decision fails it",
          arguments: ReconciliationScenario.StoreKind.allCases)
    func recurrenceAndExpiry(_ storeKind: ReconciliationScenario.StoreKind) throws {
        let scenario = try ReconciliationScenario(storeKind: storeKind)
        defer { scenario.stop() }
        let session = try scenario.startCapture()
        defer { session.stop() }
        let configuration = scenario.configuration
        let store = scenario.store
        let calendar = try #require(CycleCalendar(configuration.cycle))
        _ = try DispositionCommand.set(
            configuration, store: store, category: "orders.placed_at value_mismatch", disposition: .legacyBug, owner: "ops",
            note: "legacy stored UTC as local", by: "ana")

        // Order 10 reaches the new system as paid; the team decides it is a defect to fix (match).
        let broken = try CycleClock.waitForWindow(calendar, offset: 0.2...3)
        try scenario.write(
            legacy: "INSERT INTO orders VALUES (10, 'O', 10.000, NULL, NULL)",
            new: "INSERT INTO sales.purchase_order VALUES (10, 'paid', 10.00, NULL, NULL)")
        try scenario.closeThrough(broken, session: session)
        _ = try DispositionCommand.set(
            configuration, store: store, category: Self.status, disposition: .match, owner: "dev", note: "new system must keep open", by: "ana")

        // Fixed: none open.
        let fixed = try CycleClock.waitForWindow(calendar, offset: 0.2...3)
        try scenario.write(legacy: "", new: "UPDATE sales.purchase_order SET state = 'open' WHERE id = 10")
        try scenario.closeThrough(fixed, session: session)
        #expect(try verdict(configuration, store)?.reopened == nil, "fixed is not reopened")

        // Back again.
        let back = try CycleClock.waitForWindow(calendar, offset: 0.2...3)
        try scenario.write(legacy: "", new: "UPDATE sales.purchase_order SET state = 'paid' WHERE id = 10")
        try scenario.closeThrough(back, session: session)
        let cycles = try store.cycles()
        let fixedID = try #require(cycles.first { $0.label == fixed.label }).id
        let backRecord = try #require(cycles.first { $0.label == back.label })
        let reopened = try #require(try verdict(configuration, store, cycle: backRecord.id))
        #expect(reopened.reopened == Reopening(fixedIn: fixedID, backIn: backRecord.id), "\(reopened)")
        #expect(reopened.owner == "dev" && reopened.note == "new system must keep open")
        let eod = try EndOfDayLoader.load(configuration, store: store, cycle: backRecord.id)
        #expect(EndOfDayRenderer.render(eod, format: .text).contains(
            "  \(Self.status)  match (store) by dev: \"new system must keep open\"; REOPENED: none open at cycle \(fixedID), open again at cycle \(backRecord.id)"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(EndOfDayRenderer.render(eod, format: .json).utf8)) as? [String: Any])
        let decisions = try #require(json["decisions"] as? [[String: Any]])
        let statusJSON = try #require(decisions.first { $0["category"] as? String == Self.status })
        #expect((statusJSON["reopened"] as? [String: Any])?["back_in"] as? Int == Int(backRecord.id))
        #expect(statusJSON["owner"] as? String == "dev" && statusJSON["source"] as? String == "store")
        let html = EndOfDayRenderer.render(eod, format: .html)
        #expect(html.contains("<h2>Decisions</h2>") && html.contains("<td>reopened: none open at cycle \(fixedID), open again at cycle \(backRecord.id)</td>"))

        let evaluatedAt = StoreTime.date(backRecord.end)
        let failing = try dispositions(configuration, store, now: evaluatedAt)
        #expect(failing.result == .fail && failing.command == "parity disposition list")
        #expect(failing.details.contains { $0.hasPrefix("\(Self.status): reopened: decided match by dev (\"new system must keep open\")") },
                "\(failing.details)")

        // Decided again: no longer reopened; as intentional_change the criterion passes, until the other decision expires.
        _ = try DispositionCommand.set(
            configuration, store: store, category: Self.status, disposition: .intentionalChange, owner: "product", note: "paid on creation",
            by: "ben")
        let expiry = DecisionBook.day(configuration, at: evaluatedAt.addingTimeInterval(86_400))
        _ = try DispositionCommand.set(
            configuration, store: store, category: "orders.placed_at value_mismatch", disposition: .legacyBug, owner: "ops",
            note: "legacy stored UTC as local", expires: expiry, by: "ana")
        let passing = try dispositions(configuration, store, now: evaluatedAt)
        #expect(passing.result == .pass, "\(passing)")
        let expired = try dispositions(configuration, store, now: evaluatedAt.addingTimeInterval(86_400))
        #expect(expired.result == .fail)
        #expect(expired.details == [
            "orders.placed_at value_mismatch: no disposition (the stored decision legacy_bug by ops expired on \(expiry))",
        ])
        let gate = GateEvaluator.evaluate(
            try GateLoader.load(configuration, store: store, now: evaluatedAt.addingTimeInterval(86_400)), configuration: configuration.gate)
        #expect(GateRenderer.render(gate, format: .text).contains("  orders.placed_at value_mismatch  none; the stored decision legacy_bug by ops expired on \(expiry)"))
    }

    @Test("a relative tolerance: within 0.5% of the legacy value is within_tolerance, beyond it a value_mismatch")
    func relativeTolerance() throws {
        let tables = ReconciliationScenario.tables.replacingOccurrences(
            of: "{ legacy: amount, new: total, type: decimal }", with: "{ legacy: amount, new: total, type: decimal, tolerance: \"0.5%\" }")
        let scenario = try ReconciliationScenario(tables: tables)
        defer { scenario.stop() }
        let session = try scenario.startCapture()
        defer { session.stop() }
        let calendar = try #require(CycleCalendar(scenario.configuration.cycle))
        let window = try CycleClock.waitForWindow(calendar, offset: 0.2...3)
        try scenario.write(
            legacy: "INSERT INTO orders VALUES (20, 'O', 200.000, NULL, NULL), (21, 'O', 200.000, NULL, NULL), (22, 'O', 0.000, NULL, NULL)",
            new: "INSERT INTO sales.purchase_order VALUES (20, 'open', 201.00, NULL, NULL), (21, 'open', 201.01, NULL, NULL), (22, 'open', 0.01, NULL, NULL)")
        try scenario.closeThrough(window, session: session)
        let cycle = try #require(try scenario.store.cycles().first { $0.label == window.label })
        let findings = try scenario.store.findings(cycle: cycle.id).map { "\($0.key["order_no"]! ?? "") \($0.column ?? "-") \($0.kind)" }
        #expect(findings.sorted() == ["20 amount within_tolerance", "21 amount value_mismatch", "22 amount value_mismatch"])
    }

    private func verdict(_ configuration: ParityConfiguration, _ store: any Store, cycle: Int64? = nil) throws -> CategoryVerdict? {
        try EndOfDayLoader.load(configuration, store: store, cycle: cycle).decisions.first { $0.category.description == Self.status }
    }

    private func dispositions(_ configuration: ParityConfiguration, _ store: any Store, now: Date) throws -> GateCriterion {
        let report = GateEvaluator.evaluate(try GateLoader.load(configuration, store: store, now: now), configuration: configuration.gate)
        return try #require(report.criteria.first { $0.name == .dispositions })
    }
}
