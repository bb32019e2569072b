extension ExactDecimal {
    /// How the nearest binary double of a decimal lies relative to the decimal itself.
    public enum BinaryPosition: Sendable, Hashable {
        /// The double holds the decimal exactly (1.125).
        case exact
        /// The double is smaller than the decimal (1.005 → 1.00499999999999989…).
        case below
        /// The double is larger than the decimal.
        case above
    }

    /// The exact decimal value of the double nearest to this value; nil for non-finite values or beyond Double's range.
    ///
    /// Binary float detection is the only place `Double` is used: a double `m × 2^e` is expanded
    /// exactly as `m × 5^−e × 10^e` (or `m × 2^e` for `e ≥ 0`).
    public var nearestDoubleValue: ExactDecimal? {
        guard isFinite, let double = Double(description), double.isFinite else { return nil }
        guard double != 0 else { return .zero }
        let significand = double.significandBitPattern | (double.isNormal ? 1 << 52 : 0)
        let exponent = Int(double.isNormal ? double.exponentBitPattern : 1) - 1075
        let magnitude = exponent >= 0
            ? ExactDecimal(coefficient: significand) * Self.power(2, exponent)
            : ExactDecimal(coefficient: significand, scale: -exponent) * Self.power(5, -exponent)
        return (double.sign == .minus ? magnitude.negated : magnitude).normalized
    }

    /// Where the nearest double lies relative to this value; nil when it has none.
    public var binaryPosition: BinaryPosition? {
        guard let binary = nearestDoubleValue else { return nil }
        if binary == self { return .exact }
        return binary < self ? .below : .above
    }

    /// `base^exponent` by squaring; `exponent` ≥ 0.
    private static func power(_ base: Int, _ exponent: Int) -> ExactDecimal {
        var result: ExactDecimal = 1
        var square = ExactDecimal(coefficient: base)
        var remaining = exponent
        while remaining > 0 {
            if remaining & 1 == 1 { result *= square }
            square *= square
            remaining >>= 1
        }
        return result
    }
}
