import ExactNumeric
import ParityModel

/// A row filter of an aggregate (`aggregates[].filter`) or a cutover scope (`tables[].scope`):
/// `status <> 'V' and amount > 0`, `currency in ('EUR', 'USD')`, `voided_at is null`, `not (a = 1 or b = 2)`,
/// `tenant_id % 100 < 5`.
///
/// Comparisons follow SQL: numbers compare exactly when both sides are numbers, other values as text;
/// a NULL operand makes a comparison unknown, and a row passes only when the whole filter is true. `column % n`
/// is the remainder of an integer value divided by the positive integer `n`, with the value's sign as in SQL
/// (unknown when the value is not an integer).
public struct RowFilter: Sendable, Hashable {
    indirect enum Node: Sendable, Hashable {
        case and(Node, Node)
        case or(Node, Node)
        case not(Node)
        case compare(Term, op: ComparisonOperator, literal: String)
        case isNull(column: String, negated: Bool)
        case inList(Term, literals: [String], negated: Bool)
    }

    /// A comparison's left side: a column, or its remainder modulo a positive integer.
    struct Term: Sendable, Hashable {
        var column: String
        var modulus: ExactDecimal?

        /// The term's value in `row`; nil for NULL, or for a remainder of a value that is not an integer.
        func value(in row: RowImage) -> String? {
            guard let value = row[column] ?? nil else { return nil }
            guard let modulus else { return value }
            guard let number = ExactDecimal(value)?.normalized, number.scale <= 0,
                  let quotient = try? number.divided(by: modulus, scale: 0, rounding: .down) else { return nil }
            return (number - quotient * modulus).description
        }
    }

    enum ComparisonOperator: String, Sendable, Hashable {
        case equal = "=", notEqual = "<>", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    }

    /// The filter as written.
    public let text: String
    let root: Node

    /// Parses `text`; throws with the offset of the first problem.
    public init(parsing text: String) throws(RowFilterError) {
        var parser = RowFilterParser(text: text)
        self.text = text
        root = try parser.parse()
    }

    /// Whether `row` (legacy column names → text, nil for NULL) passes.
    public func accepts(_ row: RowImage) -> Bool {
        Self.evaluate(root, row) == true
    }

    private static func evaluate(_ node: Node, _ row: RowImage) -> Bool? {
        switch node {
        case .and(let left, let right):
            let (a, b) = (evaluate(left, row), evaluate(right, row))
            if a == false || b == false { return false }
            return a == true && b == true ? true : nil
        case .or(let left, let right):
            let (a, b) = (evaluate(left, row), evaluate(right, row))
            if a == true || b == true { return true }
            return a == false && b == false ? false : nil
        case .not(let inner):
            return evaluate(inner, row).map { !$0 }
        case .isNull(let column, let negated):
            let isNull = (row[column] ?? nil) == nil
            return negated ? !isNull : isNull
        case .compare(let term, let op, let literal):
            guard let value = term.value(in: row) else { return nil }
            let order = compare(value, literal)
            switch op {
            case .equal: return order == 0
            case .notEqual: return order != 0
            case .less: return order < 0
            case .lessOrEqual: return order <= 0
            case .greater: return order > 0
            case .greaterOrEqual: return order >= 0
            }
        case .inList(let term, let literals, let negated):
            guard let value = term.value(in: row) else { return nil }
            let found = literals.contains { compare(value, $0) == 0 }
            return negated ? !found : found
        }
    }

    /// −1, 0 or 1: exact numeric order when both parse as numbers, else the texts' byte order (`COLLATE "C"`: a decomposed
    /// `é` is not the precomposed one).
    private static func compare(_ value: String, _ literal: String) -> Int {
        if let a = ExactDecimal(value), let b = ExactDecimal(literal) {
            return a == b ? 0 : (a < b ? -1 : 1)
        }
        return CanonicalKeyOrder.compare(value, literal).signum()
    }
}

/// Why an aggregate filter could not be parsed.
public struct RowFilterError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong.
    public var message: String
    /// Character offset of the problem in the filter text.
    public var offset: Int

    /// Creates the error.
    public init(message: String, offset: Int) {
        self.message = message
        self.offset = offset
    }

    /// `at 7: expected …; write filters like status <> 'V' and amount > 0`.
    public var description: String {
        "at \(offset): \(message); write filters like status <> 'V' and amount > 0"
    }
}
