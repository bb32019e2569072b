import Foundation
import Reconciliation
import Reports
import Testing

@Suite("Gate report formats")
struct GateFormatsTests {
    private func report() -> GateReport {
        GateReport(
            result: .fail, evaluatedAt: Date(timeIntervalSince1970: 0), asOf: nil,
            window: .init(firstCycleID: 3, firstLabel: "2026-11-01", lastCycleID: 32, lastLabel: "2026-11-30"), configHash: "sha256:abc",
            criteria: [
                .init(name: .coverage, result: .pass, evidence: "30 consecutive closed cycles", command: "parity status"),
                .init(name: .dispositions, result: .fail, evidence: "1 of 4 categories undispositioned",
                      details: ["<script>alert(1)</script>.total value_mismatch: no disposition"], command: "parity report eod --cycle 32"),
                .init(name: .aggregates, result: .notEvaluated, evidence: "no complete month closed yet", command: "parity report monthly"),
            ])
    }

    @Test("text: one line per criterion with PASS/FAIL/NOT EVALUATED, indented details, final result and exit code")
    func text() {
        let lines = GateRenderer.render(report(), format: .text).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.contains { $0.hasPrefix("PASS           coverage") && $0.hasSuffix("30 consecutive closed cycles") })
        #expect(lines.contains { $0.hasPrefix("FAIL           dispositions") })
        #expect(lines.contains("    - <script>alert(1)</script>.total value_mismatch: no disposition"))
        #expect(lines.contains("    see: parity report eod --cycle 32"))
        #expect(lines.contains { $0.hasPrefix("NOT EVALUATED  aggregates") })
        #expect(lines.dropLast().last == "gate: FAIL (exit 1)")
        // Given the config file, the commands can be pasted as they are.
        let pasted = GateRenderer.render(report(), format: .text, configFile: "/etc/parity/parity.yaml")
        #expect(pasted.contains("    see: parity report eod --cycle 32 --config /etc/parity/parity.yaml\n"))
    }

    @Test("JSON: parity.gate/1 with result, criteria name/result/evidence/details/command, window and config hash")
    func json() throws {
        let text = GateRenderer.render(report(), format: .json)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(document["schema"] as? String == "parity.gate/1" && document["result"] as? String == "fail")
        #expect(document["config_hash"] as? String == "sha256:abc" && document["as_of"] is NSNull && document["exit_code"] as? Int == 1)
        #expect(document["evaluated_at"] as? String == "1970-01-01T00:00:00.000Z")
        let window = try #require(document["window"] as? [String: Any])
        #expect(window["first_cycle"] as? Int == 3 && window["last_label"] as? String == "2026-11-30")
        let criteria = try #require(document["criteria"] as? [[String: Any]])
        #expect(criteria.map { $0["name"] as? String } == ["coverage", "dispositions", "aggregates"])
        #expect(criteria.map { $0["result"] as? String } == ["pass", "fail", "not_evaluated"])
        #expect(Set(criteria[1].keys) == ["name", "result", "evidence", "details", "command"])
        #expect((criteria[1]["details"] as? [String])?.count == 1 && criteria[1]["command"] as? String == "parity report eod --cycle 32")
    }

    @Test("HTML: self-contained page with a badge per criterion, escaped details, print styles")
    func html() {
        let html = GateRenderer.render(report(), format: .html)
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("@media print"))
        #expect(html.contains("<span class=\"badge pass\">PASS</span>") && html.contains("<span class=\"badge fail\">FAIL</span>"))
        #expect(html.contains("<span class=\"badge not_evaluated\">NOT EVALUATED</span>"))
        #expect(!html.contains("<script") && html.contains("&lt;script&gt;"))
        #expect(!html.contains("http://") && !html.contains("https://"))
    }
}
