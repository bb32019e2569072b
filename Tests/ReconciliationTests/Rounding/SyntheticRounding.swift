import ExactNumeric
import ParityModel
import ParityTestSupport
@testable import Reconciliation

/// Deterministic unrounded values and the evidence their roundings give, for inference tests.
enum SyntheticRounding {
    /// Three ties of each kind: positive with an even kept digit, positive with an odd one, negative.
    static let ties = ["2.345", "10.005", "0.125", "2.335", "7.015", "1.375", "-2.345", "-2.335", "-0.125"]

    /// `count` seeded 3-decimal values in (−100, 100), or [0, 100) without negatives, followed by `ties`.
    static func values(count: Int = 300, negatives: Bool = true, seed: UInt64 = 7) -> [ExactDecimal] {
        var generator = SplitMix64(seed: seed)
        let range = negatives ? -99_999...99_999 : 0...99_999
        let random = (0..<count).map { _ in ExactDecimal(coefficient: Int.random(in: range, using: &generator), scale: 3) }
        return random + ties.filter { negatives || !$0.hasPrefix("-") }.map { ExactDecimal($0)! }
    }

    /// Evidence from storing each value as `round` gives it, at scale 2.
    static func evidence(_ values: [ExactDecimal], round: (ExactDecimal) -> ExactDecimal) -> RoundingEvidence {
        var evidence = RoundingEvidence()
        for value in values { evidence.observe(stored: round(value), unrounded: value, scale: 2) }
        return evidence
    }

    /// What code rounding the exact double stores (`printf("%.2f")`, Python's `round(x, 2)`): its exact value rounded to nearest-even.
    static func viaExactDouble(_ value: ExactDecimal) -> ExactDecimal {
        value.nearestDoubleValue!.rounded(scale: 2, mode: .halfEven)
    }

    /// What code scaling a double before rounding stores: the nearest double times 100 (itself rounded), rounded to nearest-even.
    static func viaScaledDouble(_ value: ExactDecimal) -> ExactDecimal {
        let cents = (Double(value.description)! * 100).rounded(.toNearestOrEven)
        return ExactDecimal(coefficient: Int(cents), scale: 2)
    }
}
