import ExactNumeric
import ParityModel

/// A column's unrounded source expression from config, e.g. `round(qty * unit_price, 2, half_even)`.
///
/// Grammar: `+ - * /` with the usual precedence, unary minus, parentheses, numeric literals,
/// column names (unquoted names fold to lower case as in PostgreSQL; `"Unit Price"` keeps its
/// case and spaces), `round(expr, scale)` (PostgreSQL's half_up) and `round(expr, scale, mode)`
/// with a `RoundingMode` raw value. Evaluation is exact; see `evaluate(_:)` for division.
public struct SourceExpression: Sendable, Hashable {
    /// The expression as written in config.
    public let text: String
    /// The columns the expression references.
    public let columns: Set<String>
    private let root: SourceExpressionNode

    /// Parses `text`, throwing an error that names the offset and what to write instead.
    public init(parsing text: String) throws(SourceExpressionError) {
        var parser = SourceExpressionParser(text)
        root = try parser.parseExpression()
        self.text = text
        columns = root.columns
    }

    /// The exact value for `row`; nil when a referenced column is NULL, absent or not a finite number, or on division by zero.
    ///
    /// A quotient is exact when it terminates within 40 digits beyond its operands' larger scale,
    /// otherwise it is rounded half_even there; such values are never ties, so they carry no tie evidence.
    public func evaluate(_ row: RowImage) -> ExactDecimal? {
        root.evaluate(row)
    }
}
