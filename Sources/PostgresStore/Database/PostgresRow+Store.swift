import ExactNumeric
import ParityStore
import PostgresClient

extension PostgresRow {
    /// The text in `column`; NULL is an error.
    func text(_ column: String) throws -> String {
        try decode(String.self, column)
    }

    /// The integer in `column`; NULL is an error.
    func int64(_ column: String) throws -> Int64 {
        try decode(Int64.self, column)
    }

    /// The integer in `column`, nil when NULL.
    func optionalInt64(_ column: String) throws -> Int64? {
        try decode(Int64?.self, column)
    }

    /// The integer in `column` as an `Int`; NULL is an error.
    func int(_ column: String) throws -> Int {
        try decode(Int.self, column)
    }

    /// The integer in `column` as an `Int`, nil when NULL.
    func optionalInt(_ column: String) throws -> Int? {
        try decode(Int?.self, column)
    }

    /// The boolean in `column`; NULL is an error.
    func bool(_ column: String) throws -> Bool {
        try decode(Bool.self, column)
    }

    /// The vocabulary value in `column`; throws ``UnknownStoredValue`` when its text is not one this Parity knows.
    func vocabulary<Value: StoredVocabulary>(_ column: String) throws -> Value {
        let text = self[column]
        guard let text, let value = Value(rawValue: text) else {
            throw UnknownStoredValue(column: column, value: text, expected: Value.storedName)
        }
        return value
    }

    /// The vocabulary value in `column`, nil when NULL; throws ``UnknownStoredValue`` for text this Parity does not know.
    func optionalVocabulary<Value: StoredVocabulary>(_ column: String) throws -> Value? {
        guard let text = self[column] else { return nil }
        guard let value = Value(rawValue: text) else { throw UnknownStoredValue(column: column, value: text, expected: Value.storedName) }
        return value
    }

    /// The JSON text in `column` read by `decode` (a ``RowJSON`` decoder); throws ``UnknownStoredValue`` naming `expected`
    /// when the column is NULL or its text does not decode, instead of reading it as empty.
    func decoded<Value>(_ column: String, _ expected: String, _ decode: (String) -> Value?) throws -> Value {
        let text = self[column]
        guard let text, let value = decode(text) else { throw UnknownStoredValue(column: column, value: text, expected: expected) }
        return value
    }

    /// The exact decimal in `column` (stored as text), nil when NULL.
    func optionalDecimal(_ column: String) throws -> ExactDecimal? {
        guard let text = self[column] else { return nil }
        guard let value = ExactDecimal(text) else { throw UnknownStoredValue(column: column, value: text, expected: "decimal") }
        return value
    }
}
