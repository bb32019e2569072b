/// Exact arithmetic. Special values follow PostgreSQL 14+:
/// NaN in, NaN out; ∞ + (−∞) = NaN; ∞ − ∞ = NaN; ∞ × 0 = NaN; ∞ × x = ±∞ by sign;
/// ∞ / ∞ = NaN; ∞ / x = ±∞ by sign; x / ∞ = 0; x / 0 (x not NaN) is a division-by-zero error.
extension ExactDecimal: AdditiveArithmetic {
    /// Zero with scale 0.
    public static let zero = ExactDecimal(.zero, scale: 0)

    /// The exact sum, with the larger of the two scales.
    public static func + (lhs: ExactDecimal, rhs: ExactDecimal) -> ExactDecimal {
        switch (lhs.storage, rhs.storage) {
        case (.nan, _), (_, .nan):
            return .nan
        case (.infinity(let a), .infinity(let b)):
            return a == b ? lhs : .nan
        case (.infinity, .finite):
            return lhs
        case (.finite, .infinity):
            return rhs
        case (.finite(let a, let scaleA), .finite(let b, let scaleB)):
            let scale = max(scaleA, scaleB)
            return ExactDecimal(a.timesPowerOf10(scale - scaleA) + b.timesPowerOf10(scale - scaleB), scale: scale)
        }
    }

    /// The exact difference, with the larger of the two scales.
    public static func - (lhs: ExactDecimal, rhs: ExactDecimal) -> ExactDecimal {
        lhs + rhs.negated
    }

    /// The value with the opposite sign.
    public static prefix func - (operand: ExactDecimal) -> ExactDecimal {
        operand.negated
    }

    /// The exact product, with the sum of the two scales.
    public static func * (lhs: ExactDecimal, rhs: ExactDecimal) -> ExactDecimal {
        switch (lhs.storage, rhs.storage) {
        case (.nan, _), (_, .nan):
            return .nan
        case (.finite(let a, let scaleA), .finite(let b, let scaleB)):
            return ExactDecimal(a * b, scale: scaleA + scaleB)
        default:
            // At least one infinity and no NaN.
            switch (lhs.sign, rhs.sign) {
            case (.zero, _), (_, .zero): return .nan
            case let (a, b): return a == b ? .infinity : .negativeInfinity
            }
        }
    }

    /// Multiplies in place.
    public static func *= (lhs: inout ExactDecimal, rhs: ExactDecimal) {
        lhs = lhs * rhs
    }

    /// The quotient rounded to `scale` digits after the point with `rounding`; throws on division by zero.
    public func divided(by divisor: ExactDecimal, scale: Int, rounding: RoundingMode) throws(ExactDecimalError) -> ExactDecimal {
        switch (storage, divisor.storage) {
        case (.nan, _), (_, .nan):
            return .nan
        case (.infinity, .infinity):
            return .nan
        case (.infinity, .finite(let b, _)):
            guard !b.isZero else { throw ExactDecimalError(code: .divisionByZero) }
            return sign == divisor.sign ? .infinity : .negativeInfinity
        case (.finite, .infinity):
            return ExactDecimal(.zero, scale: scale)
        case (.finite(let a, let scaleA), .finite(let b, let scaleB)):
            guard !b.isZero else { throw ExactDecimalError(code: .divisionByZero) }
            // a·10^−sa / (b·10^−sb) · 10^scale = a·10^(scale − sa + sb) / b
            let shift = scale - scaleA + scaleB
            let numerator = shift >= 0 ? a.timesPowerOf10(shift) : a
            let denominator = shift >= 0 ? b : b.timesPowerOf10(-shift)
            return ExactDecimal(Self.roundedQuotient(numerator, denominator, mode: rounding), scale: scale)
        }
    }
}
