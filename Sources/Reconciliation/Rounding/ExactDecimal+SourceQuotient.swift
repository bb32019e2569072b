import ExactNumeric

extension ExactDecimal {
    /// Digits beyond the operands' larger scale that a source-expression quotient keeps.
    static let sourceQuotientExtraDigits = 40

    /// `self / divisor` for source expressions: exact when the quotient terminates within
    /// `sourceQuotientExtraDigits` digits beyond the operands' larger scale, otherwise rounded half_even there.
    ///
    /// A rounded (non-terminating) quotient sits far from any tie at a column's scale, so it never
    /// counts as tie evidence. Nil on division by zero.
    func sourceQuotient(dividingBy divisor: ExactDecimal) -> ExactDecimal? {
        let scale = Swift.max(self.scale, divisor.scale) + Self.sourceQuotientExtraDigits
        guard !divisor.isZero, let quotient = try? divided(by: divisor, scale: scale, rounding: .halfEven) else {
            return nil
        }
        return quotient * divisor == self ? quotient.normalized : quotient
    }
}
