import ExactNumeric
import Foundation
import ParityModel
import Testing
@testable import Reconciliation

@Suite struct RoundingEvidenceTests {
    private func observed(_ pairs: [(stored: String, unrounded: String)]) -> RoundingEvidence {
        var evidence = RoundingEvidence()
        for pair in pairs { evidence.observe(stored: ExactDecimal(pair.stored)!, unrounded: ExactDecimal(pair.unrounded)!, scale: 2) }
        return evidence
    }

    @Test func countsRowsTiesAndTieKinds() {
        let evidence = observed([("2.34", "2.345"), ("2.34", "2.335"), ("-2.35", "-2.345"), ("1.23", "1.234"), ("0.01", "0.005")])
        #expect(evidence.rows == 5)
        #expect(evidence.negativeRows == 1)
        #expect(evidence.ties == 4)
        #expect(evidence.positiveEvenTies == 2)
        #expect(evidence.positiveOddTies == 1)
        #expect(evidence.negativeTies == 1)
        #expect(evidence.agreeingRows["half_up"] == 4)
        #expect(evidence.agreeingRows["half_even"] == 3)
        #expect(evidence.agreeingTies["half_even"] == 2)
        #expect(evidence.agreeingTies["half_odd"] == 2)
    }

    @Test func countsBinaryTieClasses() {
        let evidence = observed([("1.00", "1.005"), ("0.01", "0.005"), ("1.12", "1.125"), ("1.02", "1.015")])
        #expect(evidence.binaryExactTies == 1)
        #expect(evidence.binaryInexactTies == 3)
        #expect(evidence.binaryDirectionAgreements == 2)
        #expect(evidence.decimalTieRuleAgreements["half_up"] == 2)
        #expect(evidence.tieRuleOrBinaryAgreements["half_even"] == 4)
        #expect(evidence.tieRuleOrBinaryAgreements["half_up"] == 3)
    }

    @Test func skipsNonFiniteValues() {
        let evidence = observed([("NaN", "1.005"), ("1.00", "Infinity")])
        #expect(evidence == RoundingEvidence())
    }

    @Test func mergingEqualsObservingEverything() {
        let pairs: [(stored: String, unrounded: String)] = [("2.34", "2.345"), ("-2.35", "-2.345"), ("1.00", "1.005"), ("1.12", "1.125")]
        var merged = observed(Array(pairs.prefix(2)))
        merged.merge(observed(Array(pairs.dropFirst(2))))
        #expect(merged == observed(pairs))
    }

    @Test func encodesAsAJSONObjectWithSnakeCaseKeys() throws {
        let evidence = observed([("2.34", "2.345"), ("1.00", "1.005")])
        let data = try JSONEncoder().encode(evidence)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(object.keys) == [
            "rows", "negative_rows", "ties", "positive_even_ties", "positive_odd_ties", "negative_ties",
            "agreeing_rows", "agreeing_ties", "binary_exact_ties", "binary_inexact_ties",
            "binary_direction_agreements", "decimal_tie_rule_agreements", "tie_rule_or_binary_agreements",
        ])
        #expect((object["agreeing_ties"] as? [String: Int])?["half_even"] == 2)
        #expect(try JSONDecoder().decode(RoundingEvidence.self, from: data) == evidence)
    }
}
