import Foundation
import GRDB
import ParityConfig
@testable import ParityEngine
@testable import ParityStore
import ParityModel
import ParityTestSupport
import Reconciliation
import Reports
import SourceQueries
import Testing

/// `parity disposition set|clear|history` against a real store: every decision is appended with who, when and the
/// row it replaced; nothing in the trail can be changed; categories are checked against the config.
@Suite("disposition decisions: the audit trail")
struct DecisionTrailTests {
    let scratch: ScratchDirectory
    let configuration: ParityConfiguration
    let store: ParityStore

    init() throws {
        scratch = try ScratchDirectory("decisions")
        configuration = try ParityConfiguration.parse(yaml: """
            store: { path: "\(scratch.file("parity.sqlite"))" }
            sources:
              legacy: { dsn: "host=127.0.0.1 dbname=legacy" }
              new: { dsn: "host=127.0.0.1 dbname=modern" }
            tables:
            \(ReconciliationScenario.tables)
            dispositions:
              - { table: orders, column: note, kind: value_mismatch, disposition: intentional_change, owner: product, note: "memo is free text" }
            """, file: "parity.yaml", environment: [:])
        store = try ParityStore.open(path: configuration.store.path)
    }

    private let monday = Date(timeIntervalSince1970: 1_795_000_000)

    @Test("set, change and clear are recorded with who, when and the previous value")
    func setChangeClear() throws {
        let first = try DispositionCommand.set(
            configuration, store: store, category: "orders.status value_mismatch", disposition: .match, owner: "dev", note: "map shipped",
            ticket: "NEW-7", by: "ana", now: monday)
        #expect(first.entry.previousID == nil && first.verdict.source == .store && first.verdict.disposition == .match)
        let later = monday.addingTimeInterval(3600)
        let change = try DispositionCommand.set(
            configuration, store: store, category: "orders.state value_mismatch", disposition: .legacyBug, owner: "ops",
            note: "legacy wrote S as P", expires: "2027-01-31", by: "ben", now: later)
        #expect(change.entry.category.column == "status", "the new column's name is read as the legacy one's")
        #expect(change.entry.previousID == first.entry.id && change.entry.previous?.disposition == .match)
        let clear = try DispositionCommand.clear(configuration, store: store, category: "orders.status value_mismatch", by: "cy", now: later)
        #expect(clear.verdict.source == nil && clear.entry.previous?.disposition == .legacyBug)

        let trail = try DispositionCommand.history(configuration, store: store, category: "orders.status value_mismatch")
        let rows = trail.map { "\($0.action) \($0.decision?.disposition.rawValue ?? "-") \($0.decidedBy) \(StoreTime.iso($0.decidedAt))" }
        #expect(rows == [
            "set match ana \(StoreTime.iso(monday))", "set legacy_bug ben \(StoreTime.iso(later))", "clear - cy \(StoreTime.iso(later))",
        ])
        #expect(trail.map(\.previousID) == [nil, trail[0].id, trail[1].id])
        let text = DispositionRenderer.render(trail, format: .text)
        #expect(text.contains("ben set orders.status value_mismatch legacy_bug by ops, expires 2027-01-31: \"legacy wrote S as P\"; was #"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(DispositionRenderer.render(trail, format: .json).utf8)) as? [String: Any])
        #expect(json["schema"] as? String == "parity.disposition-history/1")
        #expect(try DispositionCommand.list(configuration, store: store, now: later).lines.isEmpty, "a cleared category with no difference")

        #expect(throws: (any Error).self) { try store.write { try $0.execute(sql: "UPDATE disposition_decision SET owner = 'x'") } }
        #expect(throws: (any Error).self) { try store.write { try $0.execute(sql: "DELETE FROM disposition_decision") } }
        #expect(try store.decisionHistory().count == 3)
    }

    @Test("the config's rule wins over a stored decision, and says so")
    func configWins() throws {
        let outcome = try DispositionCommand.set(
            configuration, store: store, category: "orders.note value_mismatch", disposition: .match, owner: "dev", note: "must copy memo",
            by: "ana", now: monday)
        #expect(outcome.verdict.source == .config && outcome.verdict.disposition == .intentionalChange && outcome.verdict.overridden)
        let text = DispositionRenderer.render(outcome)
        #expect(text.contains("intentional_change (config) by product: \"memo is free text\"; the config's dispositions[] rule wins"))
        let listing = try DispositionCommand.list(configuration, store: store, now: monday)
        #expect(listing.lines.map { "\($0.verdict.category) \($0.verdict.source?.rawValue ?? "-") \($0.open)/\($0.total)" }
                == ["orders.note value_mismatch config 0/0"])
    }

    @Test("categories, owners and dates are checked; nothing is recorded then", arguments: [
        ("orders.status mismatch", "not a finding kind"),
        ("invoices.status value_mismatch", "no table mapping is named invoices"),
        ("orders.colour value_mismatch", "colour is not a mapped column of orders"),
        ("orders.status missing_in_new", "a missing row has no column"),
        ("orders value_mismatch", "value_mismatch is about a column"),
    ])
    func refused(_ category: String, _ message: String) throws {
        let error = #expect(throws: EngineError.self) {
            try DispositionCommand.set(configuration, store: store, category: category, disposition: .match, owner: "dev", note: "n", by: "a")
        }
        #expect(error?.code == .usage && error?.message.contains(message) == true, "\(String(describing: error))")
        let badDay = #expect(throws: EngineError.self) {
            try DispositionCommand.set(
                configuration, store: store, category: "orders missing_in_new", disposition: .match, owner: "dev", note: "n", expires: "2026-02-30", by: "a")
        }
        #expect(badDay?.fix == "give --expires as YYYY-MM-DD, e.g. 2026-12-31")
        #expect(try store.decisionHistory().isEmpty)
    }
}
