/// One result row: text values addressed by column name or position.
public struct PostgresRow: Sendable {
    /// The raw text values, nil for NULL.
    public let values: [String?]
    @usableFromInline let columnIndex: [String: Int]

    /// The value of a column decoded as `T`; NULL and unknown columns are errors. Inlinable, so that callers in other modules get
    /// code specialized for their type, not a look-up of `T`'s metadata for every value.
    @inlinable
    public func decode<T: PostgresDecodable>(_ type: T.Type = T.self, _ column: String) throws(PostgresError) -> T {
        try decode(type, at: position(of: column), named: column)
    }

    /// The value of a column decoded as `T`, nil when NULL.
    @inlinable
    public func decode<T: PostgresDecodable>(_ type: T?.Type = T?.self, _ column: String) throws(PostgresError) -> T? {
        try decode(type, at: position(of: column), named: column)
    }

    /// The value at `position` (``position(of:)``) decoded as `T`; NULL is an error. How a reader of many rows of one
    /// result reads them, without looking each column's name up again.
    @inlinable
    public func decode<T: PostgresDecodable>(_ type: T.Type = T.self, at position: Int) throws(PostgresError) -> T {
        try decode(type, at: position, named: "at position \(position)")
    }

    /// The value at `position` (``position(of:)``) decoded as `T`, nil when NULL.
    @inlinable
    public func decode<T: PostgresDecodable>(_ type: T?.Type = T?.self, at position: Int) throws(PostgresError) -> T? {
        try decode(type, at: position, named: "at position \(position)")
    }

    /// The position of `column` in this row, and in every row of its result.
    @inlinable
    public func position(of column: String) throws(PostgresError) -> Int {
        guard let position = columnIndex[column] else {
            throw PostgresError(code: .invalidValue, message: "the result has no column \(column)")
        }
        return position
    }

    @inlinable
    func decode<T: PostgresDecodable>(_ type: T.Type, at position: Int, named column: @autoclosure () -> String) throws(PostgresError) -> T {
        guard let value = try decode(T?.self, at: position, named: column()) else {
            throw PostgresError(code: .invalidValue, message: "column \(column()) is NULL, expected \(T.self)")
        }
        return value
    }

    @inlinable
    func decode<T: PostgresDecodable>(_ type: T?.Type, at position: Int, named column: @autoclosure () -> String) throws(PostgresError) -> T? {
        guard let text = values[position] else { return nil }
        guard let value = T(postgresText: text) else {
            throw PostgresError(code: .invalidValue, message: "column \(column()) does not hold a \(T.self)")
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
