import Foundation
import Reconciliation
import Reports
import Testing

@Suite("Contract file formats")
struct ContractFormatsTests {
    private let rounding = Contract(
        id: "rounding.orders.amount", kind: .rounding, description: "orders.amount holds qty * unit_price rounded.",
        subject: ["mapping": "orders", "column": "amount"], evidence: ["ties": .count(2), "legacy_mode": .text("half_even"), "assigns": .list(["a", "b"])],
        vectors: [
            ContractVector(key: ["order_no": "1"], inputs: ["qty": "0.5", "unit_price": "0.33"], legacy: ["amount": "0.16"],
                           new: ["amount": "0.17"], about: ["tie": "positive_even"]),
            ContractVector(key: ["order_no": "2"], inputs: ["qty": "=1+1", "unit_price": nil], legacy: ["amount": "-0.38"]),
        ])

    @Test("json: parity.contract/1 with facts as numbers, strings and arrays; new is null where it agrees")
    func json() throws {
        let text = ContractRenderer.render(rounding, format: .json)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(document["schema"] as? String == "parity.contract/1" && document["id"] as? String == "rounding.orders.amount")
        let evidence = try #require(document["evidence"] as? [String: Any])
        #expect(evidence["ties"] as? Int == 2 && evidence["assigns"] as? [String] == ["a", "b"])
        let vectors = try #require(document["vectors"] as? [[String: Any]])
        #expect(vectors[1]["new"] is NSNull && (vectors[1]["inputs"] as? [String: Any])?["unit_price"] is NSNull)
        #expect((document["expectations"] as? [Any])?.isEmpty == true)
        #expect(text == ContractRenderer.render(rounding, format: .json), "the same contract writes the same bytes")
        #expect(ContractRenderer.fileName(id: rounding.id, format: .json) == "rounding.orders.amount.json")
    }

    @Test("csv: comment lines, then one record per vector under grouped, sorted columns; formulas defused")
    func csv() {
        let lines = ContractRenderer.render(rounding, format: .csv).components(separatedBy: "\r\n")
        #expect(lines.first == "# schema: parity.contract/1")
        #expect(lines.contains("# evidence assigns: a, b") && lines.contains("# subject column: amount"))
        let records = lines.filter { !$0.hasPrefix("#") && !$0.isEmpty }
        #expect(records == [
            "key.order_no,input.qty,input.unit_price,legacy.amount,new.amount,about.tie",
            "1,0.5,0.33,0.16,0.17,positive_even",
            "2,'=1+1,,-0.38,,",
        ])
    }

    @Test("csv of decisions: one record per expectation")
    func decisions() {
        let contract = Contract(
            id: "decisions", kind: .decisions, description: "What the team decided.", subject: [:],
            expectations: [DecisionExpectation(
                kind: .disposition, appliesTo: ["table": "orders", "finding_kind": "rounding"], decision: "intentional_change",
                owner: "finance", note: "FIN-12, half-up", expectation: "the new system differs on purpose")])
        let records = ContractRenderer.render(contract, format: .csv).components(separatedBy: "\r\n").filter { !$0.hasPrefix("#") && !$0.isEmpty }
        #expect(records == [
            "kind,applies_to,decision,owner,note,expectation",
            "disposition,finding_kind=rounding; table=orders,intentional_change,finance,\"FIN-12, half-up\",the new system differs on purpose",
        ])
    }
}
