import ExactNumeric
import GRDB

extension Row {
    /// The exact decimal in `column`, nil when it is NULL.
    func optionalDecimal(_ column: String) throws -> ExactDecimal? {
        guard let text: String = self[column] else { return nil }
        guard let value = ExactDecimal(text) else { throw UnknownStoredValue(column: column, value: text, expected: "decimal") }
        return value
    }
}
