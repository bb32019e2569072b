/// Why an `ExactDecimal` could not be parsed or computed; the description never repeats the input.
public struct ExactDecimalError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure; new codes may be added.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: Sendable, Hashable {
            case invalidSyntax
            case outOfRange
            case divisionByZero
        }

        private let base: Base

        private init(_ base: Base) {
            self.base = base
        }

        /// The text is not a PostgreSQL numeric literal.
        public static let invalidSyntax = Code(.invalidSyntax)
        /// The value exceeds PostgreSQL's numeric limits (131072 integer digits, scale 16383).
        public static let outOfRange = Code(.outOfRange)
        /// A finite or infinite value was divided by zero.
        public static let divisionByZero = Code(.divisionByZero)

        /// A stable, lower-case name for the code.
        public var description: String {
            switch base {
            case .invalidSyntax: return "invalid_syntax"
            case .outOfRange: return "out_of_range"
            case .divisionByZero: return "division_by_zero"
            }
        }
    }

    /// The kind of failure.
    public let code: Code

    /// For parse errors, the UTF-8 offset in the input where the problem was found.
    public let offset: Int?

    /// An error with a code and, for parse errors, the offending offset.
    public init(code: Code, offset: Int? = nil) {
        self.code = code
        self.offset = offset
    }

    /// One line naming the problem without any of the input text.
    public var description: String {
        switch code {
        case .invalidSyntax:
            return "invalid numeric syntax" + (offset.map { " at offset \($0)" } ?? "")
        case .outOfRange:
            return "numeric value out of range (PostgreSQL allows 131072 integer digits and scale 16383)"
        default:
            return "division by zero"
        }
    }
}
