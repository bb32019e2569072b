/// One result row: text values addressed by column name or position.
public struct PostgresRow: Sendable {
    /// The raw text values, nil for NULL.
    public let values: [String?]
    @usableFromInline let columnIndex: [String: Int]

    /// The value of a column decoded as `T`; NULL and unknown columns are errors. Inlinable, so that callers in other modules get
    /// code specialized for their type, not a look-up of `T`'s metadata for every value.
    @inlinable
    public func decode<T: PostgresDecodable>(_ type: T.Type = T.self, _ column: String) throws(PostgresError) -> T {
        guard let value = try decode(T?.self, column) else {
            throw PostgresError(code: .invalidValue, message: "column \(column) is NULL, expected \(T.self)")
        }
        return value
    }

    /// The value of a column decoded as `T`, nil when NULL.
    @inlinable
    public func decode<T: PostgresDecodable>(_ type: T?.Type = T?.self, _ column: String) throws(PostgresError) -> T? {
        guard let position = columnIndex[column] else {
            throw PostgresError(code: .invalidValue, message: "the result has no column \(column)")
        }
        guard let text = values[position] else { return nil }
        guard let value = T(postgresText: text) else {
            throw PostgresError(code: .invalidValue, message: "column \(column) does not hold a \(T.self)")
        }
        return value
    }

    /// The raw text of a column (nil for NULL or an unknown column).
    @inlinable
    public subscript(column: String) -> String? {
        columnIndex[column].flatMap { values[$0] }
    }
}

/// A type that can be read from PostgreSQL's text output.
public protocol PostgresDecodable: Sendable {
    /// Parses PostgreSQL's text rendering; nil when the text is not a value of this type.
    init?(postgresText: String)
}

extension String: PostgresDecodable {
    @inlinable public init?(postgresText: String) { self = postgresText }
}

extension Int: PostgresDecodable {
    @inlinable public init?(postgresText: String) { self.init(postgresText) }
}

extension Int64: PostgresDecodable {
    @inlinable public init?(postgresText: String) { self.init(postgresText) }
}

extension Int32: PostgresDecodable {
    @inlinable public init?(postgresText: String) { self.init(postgresText) }
}

extension Bool: PostgresDecodable {
    @inlinable public init?(postgresText: String) {
        switch postgresText {
        case "t", "true", "on", "1": self = true
        case "f", "false", "off", "0": self = false
        default: return nil
        }
    }
}
