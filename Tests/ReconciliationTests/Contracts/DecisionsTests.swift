import Foundation
import ParityConfig
import Reconciliation
import Testing

@Suite("Decisions: every disposition, tolerance and documented object as an expectation, one fingerprint over them")
struct DecisionsTests {
    private func configuration(note: String = "policy FIN-12", tolerance: String = "0.01") throws -> ParityConfiguration {
        try ParityConfiguration.parse(yaml: """
            sources:
              legacy: { dsn: "host=127.0.0.1 dbname=legacy" }
              new: { dsn: "host=127.0.0.1 dbname=modern" }
            tables:
              - name: orders
                legacy: public.orders
                new: sales.orders
                key: { legacy: [order_no], new: [id] }
                columns:
                  - { legacy: amount, new: amount, type: decimal, scale: 2, source: "qty * unit_price" }
                  - { legacy: fee, new: fee, type: decimal, tolerance: "\(tolerance)" }
            hidden_state:
              documented:
                - { kind: trigger, name: orders_audit_aiu, table: public.orders, disposition: reproduced, where: "the app" }
            dispositions:
              - { table: orders, column: amount, kind: rounding, disposition: intentional_change, owner: finance, note: "\(note)" }
            """, file: "parity.yaml", environment: [:])
    }

    @Test("each decision with what it applies to, owner and note, in config order")
    func expectations() throws {
        let decisions = Decisions(configuration: try configuration())
        let kinds = decisions.expectations.map(\.kind)
        #expect(kinds == [.disposition, .tolerance, .documentedObject])
        let rule = try #require(decisions.expectations.first)
        #expect(rule.appliesTo == ["table": "orders", "column": "amount", "finding_kind": "rounding"])
        #expect(rule.decision == "intentional_change" && rule.owner == "finance" && rule.note == "policy FIN-12")
        #expect(rule.expectation.contains("differs on purpose"))
        #expect(decisions.expectations[1].decision == "0.01" && decisions.expectations[1].appliesTo["column"] == "fee")
        #expect(decisions.expectations[2].expectation.contains("orders_audit_aiu is reproduced in the new system (the app)"))
    }

    @Test("the fingerprint is stable and changes with any decision: a note, a tolerance")
    func fingerprint() throws {
        let base = Decisions(configuration: try configuration()).fingerprint
        #expect(base.hasPrefix("fnv1a64:"))
        #expect(Decisions(configuration: try configuration()).fingerprint == base)
        #expect(Decisions(configuration: try configuration(note: "policy FIN-13")).fingerprint != base)
        #expect(Decisions(configuration: try configuration(tolerance: "0.02")).fingerprint != base)
    }

    @Test("a decision recorded with parity disposition set is an expectation too, and setting, changing or expiring one changes the fingerprint")
    func storedDecisions() throws {
        let config = try configuration()
        let decision = DispositionDecision(
            id: 7, category: DispositionCategory(table: "orders", column: "fee", kind: .valueMismatch), disposition: .legacyBug,
            owner: "ops", note: "legacy double-applies a fee", expires: "2026-12-31", ticket: "FIN-7", decidedBy: "ana@host",
            decidedAt: Date(timeIntervalSince1970: 1_796_000_000))
        let decisions = Decisions(configuration: config, stored: [decision])
        let stored = try #require(decisions.expectations.first { $0.appliesTo["decided_by"] == "ana@host" })
        #expect(stored.kind == .disposition && stored.decision == "legacy_bug" && stored.owner == "ops" && stored.note == "legacy double-applies a fee")
        #expect(stored.appliesTo["column"] == "fee" && stored.appliesTo["expires"] == "2026-12-31" && stored.appliesTo["ticket"] == "FIN-7")
        #expect(stored.expectation.hasSuffix("are expected (until 2026-12-31)"), "\(stored.expectation)")
        let base = Decisions(configuration: config).fingerprint
        #expect(decisions.fingerprint != base)
        var changed = decision
        changed.note = "legacy applies the fee twice"
        #expect(Decisions(configuration: config, stored: [changed]).fingerprint != decisions.fingerprint)
    }
}
