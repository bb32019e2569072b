import ExactNumeric
import ParityModel

/// The parsed tree of a source expression.
indirect enum SourceExpressionNode: Sendable, Hashable {
    /// A numeric literal.
    case number(ExactDecimal)
    /// A column of the row, by its exact name.
    case column(String)
    /// Unary minus.
    case negation(SourceExpressionNode)
    /// `lhs op rhs`.
    case binary(ArithmeticOperator, SourceExpressionNode, SourceExpressionNode)
    /// `round(operand, scale, mode)`.
    case round(SourceExpressionNode, scale: Int, mode: RoundingMode)

    /// The four binary operators.
    enum ArithmeticOperator: Sendable, Hashable {
        case add
        case subtract
        case multiply
        case divide

        /// The result of `lhs op rhs`; nil on division by zero.
        func apply(_ lhs: ExactDecimal, _ rhs: ExactDecimal) -> ExactDecimal? {
            switch self {
            case .add: return lhs + rhs
            case .subtract: return lhs - rhs
            case .multiply: return lhs * rhs
            case .divide: return lhs.sourceQuotient(dividingBy: rhs)
            }
        }
    }

    /// Every column the tree references.
    var columns: Set<String> {
        switch self {
        case .number: return []
        case .column(let name): return [name]
        case .negation(let operand), .round(let operand, _, _): return operand.columns
        case .binary(_, let lhs, let rhs): return lhs.columns.union(rhs.columns)
        }
    }

    /// The exact value for `row`; nil when a column is NULL, absent or not a finite number, or on division by zero.
    func evaluate(_ row: RowImage) -> ExactDecimal? {
        switch self {
        case .number(let value):
            return value
        case .column(let name):
            guard let text = row[name] ?? nil, let value = ExactDecimal(text), value.isFinite else { return nil }
            return value
        case .negation(let operand):
            return operand.evaluate(row)?.negated
        case .binary(let op, let lhs, let rhs):
            guard let left = lhs.evaluate(row), let right = rhs.evaluate(row) else { return nil }
            return op.apply(left, right)
        case .round(let operand, let scale, let mode):
            return operand.evaluate(row)?.rounded(scale: scale, mode: mode)
        }
    }
}
