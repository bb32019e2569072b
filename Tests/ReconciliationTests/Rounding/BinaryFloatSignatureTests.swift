import ExactNumeric
import Testing
@testable import Reconciliation

@Suite struct BinaryFloatSignatureTests {
    /// Ties that binary doubles hold exactly; code rounding doubles half-even treats them as half_even.
    private static let exactBinaryTies = ["1.125", "2.375", "0.625", "3.875", "-0.625", "-1.375"].map { ExactDecimal($0)! }

    @Test func nearestDoublesExpandExactly() {
        #expect(ExactDecimal("1.005")!.nearestDoubleValue?.description == "1.00499999999999989341858963598497211933135986328125")
        #expect(ExactDecimal("-0.015")!.nearestDoubleValue?.description == "-0.01499999999999999944488848768742172978818416595458984375")
        #expect(ExactDecimal("1.125")!.nearestDoubleValue == ExactDecimal("1.125"))
        #expect(ExactDecimal("1e300")!.nearestDoubleValue?.description.hasPrefix("10000000000000000525047602") == true)
        #expect(ExactDecimal("5e-324")!.nearestDoubleValue?.description.hasPrefix("0." + String(repeating: "0", count: 323) + "494065645841") == true)
        #expect(ExactDecimal("0")!.nearestDoubleValue == 0)
        #expect(ExactDecimal("1e400")!.nearestDoubleValue == nil)
    }

    @Test func tiesAreClassifiedByWhereTheirDoubleLies() {
        #expect(ExactDecimal("1.005")!.binaryPosition == .below)
        #expect(ExactDecimal("0.005")!.binaryPosition == .above)
        #expect(ExactDecimal("-1.005")!.binaryPosition == .above)
        #expect(ExactDecimal("1.125")!.binaryPosition == .exact)
    }

    @Test func roundingExactDoublesIsRecognised() {
        let values = SyntheticRounding.values() + Self.exactBinaryTies
        let evidence = SyntheticRounding.evidence(values, round: SyntheticRounding.viaExactDouble)
        let inexact = evidence.binaryInexactTies
        #expect(inexact >= 3)
        #expect(evidence.binaryDirectionAgreements == inexact)
        #expect(evidence.inference() == .binaryFloat(
            evidence: "ties like 1.005 round as their binary double does (\(inexact)/\(inexact) inexact ties); exact binary ties follow half_even"
        ))
        #expect(evidence.inference().label == "binary_float")
    }

    @Test func roundingScaledDoublesIsRecognised() {
        let evidence = SyntheticRounding.evidence(SyntheticRounding.values(count: 3_000), round: SyntheticRounding.viaScaledDouble)
        #expect(evidence.binaryDirectionAgreements < evidence.binaryInexactTies)
        #expect(evidence.inference().label == "binary_float")
        #expect(evidence.inference().evidence.hasSuffix("inexact ties); other ties follow half_even"))
    }

    @Test func withoutExactBinaryTiesTheirRuleIsNotNamed() {
        let values = SyntheticRounding.values().filter { $0.binaryPosition != .exact }
        let evidence = SyntheticRounding.evidence(values, round: SyntheticRounding.viaExactDouble)
        #expect(evidence.binaryExactTies == 0)
        #expect(evidence.inference().evidence.hasSuffix("; no exact binary ties observed"))
    }

    @Test(arguments: RoundingMode.allCases)
    func exactDecimalRoundingIsNotFlagged(mode: RoundingMode) {
        let values = SyntheticRounding.values(count: 3_000) + Self.exactBinaryTies
        let evidence = SyntheticRounding.evidence(values) { $0.rounded(scale: 2, mode: mode) }
        #expect(evidence.binaryInexactTies >= 3)
        #expect(evidence.inference().label == mode.rawValue)
    }

    @Test func tooFewInexactTiesAreNotASignature() {
        let values = ["1.005", "0.005", "1.234"].map { ExactDecimal($0)! }
        var evidence = SyntheticRounding.evidence(values, round: SyntheticRounding.viaExactDouble)
        #expect(evidence.binaryInexactTies == 2)
        #expect(evidence.inference().label == "undetermined")
        evidence.observe(stored: ExactDecimal("1.01")!, unrounded: ExactDecimal("1.015")!, scale: 2)
        #expect(evidence.inference() == .binaryFloat(
            evidence: "ties like 1.005 round as their binary double does (3/3 inexact ties); no exact binary ties observed"
        ))
    }
}
