/// Why a source expression from config could not be parsed: what, where (character offset) and what to write instead.
public struct SourceExpressionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, e.g. "expected a column name, a number or '('".
    public let message: String
    /// The character offset into the expression text where the problem was found.
    public let offset: Int
    /// What to write instead.
    public let fix: String

    /// One line: "at 7: expected a column name, a number or '('; write …".
    public var description: String {
        "at \(offset): \(message); \(fix)"
    }
}
