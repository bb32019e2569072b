import ExactNumeric
import ParityModel
import Testing
@testable import Reconciliation

@Suite struct RoundingInferenceTests {
    /// Each mode's twin: the mode that rounds every non-negative value the same way.
    private static let nonNegativeTwins: [RoundingMode: RoundingMode] = [
        .halfUp: .halfCeiling, .halfCeiling: .halfUp, .halfDown: .halfFloor, .halfFloor: .halfDown,
        .up: .ceiling, .ceiling: .up, .down: .floor, .floor: .down,
    ]

    @Test(arguments: RoundingMode.allCases)
    func recognisesEveryModeWhenNegativeTiesSeparateThem(mode: RoundingMode) {
        let evidence = SyntheticRounding.evidence(SyntheticRounding.values()) { $0.rounded(scale: 2, mode: mode) }
        #expect(evidence.negativeTies >= 3 && evidence.positiveEvenTies >= 3 && evidence.positiveOddTies >= 3)
        let ties = evidence.ties
        #expect(evidence.inference() == .mode(mode, evidence: "\(mode.rawValue), \(ties)/\(ties) ties"))
    }

    @Test(arguments: RoundingMode.allCases)
    func withoutNegativeValuesTwinModesAreReportedAsIndistinguishable(mode: RoundingMode) throws {
        let evidence = SyntheticRounding.evidence(SyntheticRounding.values(negatives: false)) { $0.rounded(scale: 2, mode: mode) }
        #expect(evidence.negativeRows == 0)
        guard case .mode(let reported, let text) = evidence.inference() else {
            Issue.record("expected a mode, got \(evidence.inference())")
            return
        }
        guard let twin = Self.nonNegativeTwins[mode] else {
            #expect(reported == mode)
            #expect(!text.contains("indistinguishable"))
            return
        }
        let expected = RoundingMode.mostCommon(in: [mode, twin])!
        let other = expected == mode ? twin : mode
        #expect(reported == expected)
        #expect(text.hasSuffix("ties (indistinguishable from \(other.rawValue): no negative values)"))
    }

    @Test func halfUpWithoutNegativesNamesHalfCeiling() {
        let evidence = SyntheticRounding.evidence(SyntheticRounding.values(negatives: false)) { $0.rounded(scale: 2, mode: .halfUp) }
        let ties = evidence.ties
        #expect(evidence.inference().evidence == "half_up, \(ties)/\(ties) ties (indistinguishable from half_ceiling: no negative values)")
        #expect(evidence.inference().label == "half_up")
    }

    @Test func tooFewTiesOfAKindLeavesTheModeUndetermined() {
        let values = SyntheticRounding.values().filter { !$0.isTie(at: 2) } + SyntheticRounding.ties.dropLast().map { ExactDecimal($0)! }
        let evidence = SyntheticRounding.evidence(values) { $0.rounded(scale: 2, mode: .halfEven) }
        let inference = evidence.inference()
        #expect(inference == .undetermined(reason: "only 2 negative ties (need 3 of each: positive even, positive odd, negative)"))
        #expect(inference.label == "undetermined")
    }

    @Test func everyShortKindIsNamed() {
        let values = ["1.234", "2.345", "-2.345", "2.335"].map { ExactDecimal($0)! }
        let evidence = SyntheticRounding.evidence(values) { $0.rounded(scale: 2, mode: .halfUp) }
        #expect(evidence.inference().evidence == "only 1 positive even tie, 1 positive odd tie, 1 negative tie (need 3 of each: positive even, positive odd, negative)")
    }

    @Test func mixedModesAreUndetermined() {
        let values = SyntheticRounding.values()
        var evidence = SyntheticRounding.evidence(Array(values.prefix(150))) { $0.rounded(scale: 2, mode: .halfUp) }
        evidence.merge(SyntheticRounding.evidence(Array(values.dropFirst(150))) { $0.rounded(scale: 2, mode: .halfEven) })
        let reason = evidence.inference().evidence
        #expect(reason.hasPrefix("no single mode explains all 309 rows: best half_"))
        #expect(evidence.inference().label == "undetermined")
    }

    @Test func thousandsAreGroupedInTheReason() {
        let values = SyntheticRounding.values(count: 1_200)
        var evidence = SyntheticRounding.evidence(Array(values.prefix(1_100))) { $0.rounded(scale: 2, mode: .down) }
        evidence.merge(SyntheticRounding.evidence(Array(values.dropFirst(1_100))) { $0.rounded(scale: 2, mode: .up) })
        #expect(evidence.inference().evidence.hasPrefix("no single mode explains all 1,209 rows: best down 1,1"))
    }

    @Test func nothingObservedIsUndetermined() {
        #expect(RoundingEvidence().inference() == .undetermined(reason: "no rows observed"))
    }
}
