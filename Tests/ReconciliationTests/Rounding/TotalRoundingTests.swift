import ExactNumeric
import Foundation
import ParityModel
import Testing
@testable import Reconciliation

@Suite struct TotalRoundingTests {
    private func detect(_ unrounded: [String], total: String, mode: RoundingMode = .halfUp) -> TotalRounding {
        let lines = unrounded.map { text in
            let value = ExactDecimal(text)!
            return (unrounded: value, stored: value.rounded(scale: 2, mode: mode))
        }
        return TotalRoundingDetector.detect(lines: lines, storedTotal: ExactDecimal(total)!, scale: 2, mode: mode)
    }

    @Test func detectsWhichRuleGivesTheTotal() {
        let thirds = ["0.333", "0.333", "0.333"]
        #expect(detect(thirds, total: "0.99") == .perLine)
        #expect(detect(thirds, total: "1.00") == .perTotal)
        #expect(detect(["1.10", "2.20"], total: "3.30") == .both)
        #expect(detect(thirds, total: "1.01") == .neither)
        #expect(detect([], total: "0") == .both)
    }

    @Test func perTotalUsesTheGivenMode() {
        let lines = ["1.0025", "1.0000"]
        #expect(detect(lines, total: "2.00", mode: .halfEven) == .both)
        #expect(detect(["1.004", "1.001"], total: "2.00", mode: .down) == .both)
        #expect(detect(["1.004", "1.004"], total: "2.01", mode: .halfUp) == .perTotal)
        #expect(detect(["1.004", "1.004"], total: "2.00", mode: .down) == .both)
    }

    private func evidence(_ outcomes: [TotalRounding]) -> TotalRoundingEvidence {
        var evidence = TotalRoundingEvidence()
        outcomes.forEach { evidence.observe($0) }
        return evidence
    }

    @Test func verdictNamesTheSingleRuleEveryTotalFits() {
        let perLine = evidence(Array(repeating: .perLine, count: 40) + Array(repeating: .both, count: 1_160)).verdict
        #expect(perLine == TotalRoundingVerdict(rounding: .perLine, evidence: "per_line, 40/40 distinguishing totals (1,160 more fit both)"))
        let perTotal = evidence([.perTotal, .perTotal]).verdict
        #expect(perTotal == TotalRoundingVerdict(rounding: .perTotal, evidence: "per_total, 2/2 distinguishing totals"))
        let both = evidence([.both, .both]).verdict
        #expect(both == TotalRoundingVerdict(rounding: .both, evidence: "all 2 totals fit both per_line and per_total"))
    }

    @Test func verdictIsNeitherWhenNoSingleRuleFits() {
        let mixed = evidence([.perLine, .perTotal, .both]).verdict
        #expect(mixed == TotalRoundingVerdict(rounding: .neither, evidence: "no single rule explains all 3 totals: per_line 1, per_total 1, both 1, neither 0"))
        #expect(evidence([.perLine, .neither]).verdict.rounding == .neither)
        #expect(TotalRoundingEvidence().verdict == TotalRoundingVerdict(rounding: .neither, evidence: "no totals observed"))
    }

    @Test func mergeAddsCountsAndCodingUsesSnakeCase() throws {
        var merged = evidence([.perLine, .both])
        merged.merge(evidence([.perTotal, .neither, .both]))
        #expect(merged == evidence([.perLine, .both, .perTotal, .neither, .both]))
        let data = try JSONEncoder().encode(merged)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Int])
        #expect(object == ["per_line": 1, "per_total": 1, "both": 2, "neither": 1])
        #expect(try JSONDecoder().decode(TotalRoundingEvidence.self, from: data) == merged)
        #expect(try JSONEncoder().encode([TotalRounding.perLine]) == Data(#"["per_line"]"#.utf8))
    }
}
