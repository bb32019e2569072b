import BigInt
import ParityTestSupport
@testable import ExactNumeric

/// Parses a literal known to be valid.
func dec(_ text: String) -> ExactDecimal {
    do {
        return try ExactDecimal(parsing: text)
    } catch {
        fatalError("test literal \(text) failed to parse: \(error)")
    }
}

extension SplitMix64 {
    /// A string of `count` random decimal digits (leading zeros allowed).
    mutating func digits(_ count: Int) -> String {
        String((0..<count).map { _ in Character(String(Int.random(in: 0...9, using: &self))) })
    }

    /// A digit count biased to cover short values, the Int128 boundary (38–39 digits) and long values.
    mutating func digitCount() -> Int {
        switch Int.random(in: 0..<4, using: &self) {
        case 0: return Int.random(in: 1...6, using: &self)
        case 1: return Int.random(in: 7...30, using: &self)
        case 2: return Int.random(in: 36...41, using: &self)
        default: return Int.random(in: 42...80, using: &self)
        }
    }

    /// A random finite decimal with the given digit count and a scale in `scales`.
    mutating func decimal(digits count: Int? = nil, scales: ClosedRange<Int> = -4...30) -> ExactDecimal {
        let text = digits(count ?? digitCount())
        var coefficient = BigInt(text)!
        if Bool.random(using: &self) { coefficient.negate() }
        return ExactDecimal(coefficient: coefficient, scale: Int.random(in: scales, using: &self))
    }
}
