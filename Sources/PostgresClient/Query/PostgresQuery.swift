import Foundation

/// A SQL statement whose values travel as bound `$n` parameters, never spliced into the text.
///
/// Built by string interpolation: `"SELECT * FROM t WHERE id = \(id)"` becomes
/// `SELECT * FROM t WHERE id = $1` with `id` bound. Identifiers are interpolated with
/// `\(identifier: name)` (always quoted). Raw SQL enters only through `init(unsafeSQL:)` and `\(unsafeSQL: text)`.
public struct PostgresQuery: Sendable, Hashable, ExpressibleByStringInterpolation {
    /// The statement text with `$n` placeholders.
    public private(set) var sql: String
    /// The bound values in placeholder order, as PostgreSQL text (nil is NULL).
    public private(set) var binds: [String?]

    /// A statement taken verbatim: only for SQL that holds no values from outside the program.
    public init(unsafeSQL sql: String, binds: [String?] = []) {
        self.sql = sql
        self.binds = binds
    }

    public init(stringLiteral value: String) {
        self.init(unsafeSQL: value)
    }

    public init(stringInterpolation: StringInterpolation) {
        self.init(unsafeSQL: stringInterpolation.sql, binds: stringInterpolation.binds)
    }

    /// Collects literal SQL, bound values and quoted identifiers.
    public struct StringInterpolation: StringInterpolationProtocol, Sendable {
        var sql = ""
        var binds: [String?] = []

        public init(literalCapacity: Int, interpolationCount: Int) {
            sql.reserveCapacity(literalCapacity + interpolationCount * 3)
            binds.reserveCapacity(interpolationCount)
        }

        public mutating func appendLiteral(_ literal: String) {
            sql += literal
        }

        /// Binds a value as the next `$n` parameter.
        public mutating func appendInterpolation(_ value: some PostgresBindable) {
            binds.append(value.postgresText)
            sql += "$\(binds.count)"
        }

        /// Binds an optional value; nil is SQL NULL.
        public mutating func appendInterpolation(_ value: (some PostgresBindable)?) {
            binds.append(value?.postgresText)
            sql += "$\(binds.count)"
        }

        /// Inserts `fragment` verbatim: only SQL that holds no values from outside the program (a clause the program
        /// shares between statements).
        public mutating func appendInterpolation(unsafeSQL fragment: String) {
            sql += fragment
        }

        /// Inserts a quoted identifier (`"name"`), safe for any name.
        public mutating func appendInterpolation(identifier: String) {
            sql += quoteIdentifier(identifier)
        }

        /// Inserts a quoted, schema-qualified name (`"schema"."table"`).
        public mutating func appendInterpolation(table schema: String, _ name: String) {
            sql += quoteIdentifier(schema) + "." + quoteIdentifier(name)
        }
    }
}

/// Quotes an identifier the way PostgreSQL's `quote_ident` does when quoting is required:
/// wraps it in double quotes and doubles any double quote inside.
public func quoteIdentifier(_ name: String) -> String {
    "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
}
