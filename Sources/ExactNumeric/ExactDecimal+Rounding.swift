extension ExactDecimal {
    /// The value rounded to `scale` digits after the point (negative: to tens, hundreds, …) with `mode`.
    ///
    /// A larger scale than the value's pads with zeros exactly (one digit per step, so keep `scale` within
    /// PostgreSQL's range); NaN and infinities are returned unchanged.
    public func rounded(scale: Int, mode: RoundingMode) -> ExactDecimal {
        guard case .finite(let coefficient, let currentScale) = storage else { return self }
        if scale >= currentScale {
            return ExactDecimal(coefficient.timesPowerOf10(scale - currentScale), scale: scale)
        }
        let dropped = currentScale - scale
        if dropped > coefficient.digitCount {
            // Everything is discarded and is less than half a unit: |c| < 10^digits ≤ 10^(dropped−1).
            let discarded: RoundingMode.DiscardedPart = coefficient.isZero ? .zero : .belowHalf
            let negative = coefficient.signum < 0
            let up = mode.incrementsMagnitude(discarded: discarded, negative: negative, keptIsOdd: false)
            return ExactDecimal(up ? (negative ? Coefficient.one.negated : .one) : .zero, scale: scale)
        }
        return ExactDecimal(Self.roundedQuotient(coefficient, Coefficient.powerOf10(dropped), mode: mode), scale: scale)
    }

    /// Whether rounding to `scale` discards exactly half a unit of the last kept digit (a tie).
    public func isTie(at scale: Int) -> Bool {
        guard case .finite(let coefficient, let currentScale) = storage, scale < currentScale else { return false }
        let dropped = currentScale - scale
        guard dropped <= coefficient.digitCount else { return false }
        let unit = Coefficient.powerOf10(dropped)
        let remainder = coefficient.quotientAndRemainder(dividingBy: unit).remainder.magnitude
        return Coefficient.compare(remainder + remainder, unit) == 0
    }

    /// The same value with trailing fractional zeros removed (scale ≥ 0, as PostgreSQL's `trim_scale`).
    public var normalized: ExactDecimal {
        guard case .finite(let coefficient, let scale) = storage else { return self }
        guard !coefficient.isZero else { return ExactDecimal(.zero, scale: 0) }
        let (stripped, removed) = coefficient.strippingTrailingZeros
        let newScale = scale - removed
        if newScale < 0 {
            return ExactDecimal(stripped.timesPowerOf10(-newScale), scale: 0)
        }
        return ExactDecimal(stripped, scale: newScale)
    }

    /// `numerator / denominator` as an integer rounded with `mode`; `denominator` is nonzero.
    static func roundedQuotient(_ numerator: Coefficient, _ denominator: Coefficient, mode: RoundingMode) -> Coefficient {
        let (quotient, remainder) = numerator.quotientAndRemainder(dividingBy: denominator)
        if remainder.isZero { return quotient }
        let negative = (numerator.signum < 0) != (denominator.signum < 0)
        let twiceRemainder = remainder.magnitude + remainder.magnitude
        let discarded: RoundingMode.DiscardedPart
        switch Coefficient.compare(twiceRemainder, denominator.magnitude) {
        case ..<0: discarded = .belowHalf
        case 0: discarded = .half
        default: discarded = .aboveHalf
        }
        guard mode.incrementsMagnitude(discarded: discarded, negative: negative, keptIsOdd: quotient.isOdd) else {
            return quotient
        }
        return negative ? quotient - .one : quotient + .one
    }
}
