/// A value that can be bound as a query parameter in PostgreSQL's text format.
public protocol PostgresBindable: Sendable {
    /// The value as PostgreSQL parses it from text.
    var postgresText: String { get }
}

extension String: PostgresBindable {
    public var postgresText: String { self }
}

extension Substring: PostgresBindable {
    public var postgresText: String { String(self) }
}

extension Int: PostgresBindable {
    public var postgresText: String { String(self) }
}

extension Int64: PostgresBindable {
    public var postgresText: String { String(self) }
}

extension Int32: PostgresBindable {
    public var postgresText: String { String(self) }
}

extension Bool: PostgresBindable {
    public var postgresText: String { self ? "t" : "f" }
}
