/// An error from PostgreSQL or libpq, with the server's SQLSTATE, message, detail and hint.
///
/// `description` is one line without SQL parameters, row data or secrets: the server's `detail`
/// can quote row values, so it is kept apart in `detail` and never printed by `description`.
public struct PostgresError: Error, CustomStringConvertible, Sendable {
    /// What kind of failure this is; codes can grow without breaking callers.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Sendable {
            case connectionFailed = "connection failed"
            case invalidConnectionString = "invalid connection string"
            case serverError = "server error"
            case connectionLost = "connection lost"
            case copyFailed = "COPY failed"
            case unexpectedResult = "unexpected result"
            case invalidValue = "invalid value"
            case unreadablePasswordFile = "unreadable password file"
        }
        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The server could not be reached or refused the connection.
        public static let connectionFailed = Code(.connectionFailed)
        /// The DSN or URI could not be parsed.
        public static let invalidConnectionString = Code(.invalidConnectionString)
        /// The server answered a command with an error (see `sqlState`).
        public static let serverError = Code(.serverError)
        /// The connection broke while a command was running.
        public static let connectionLost = Code(.connectionLost)
        /// A COPY stream failed part way.
        public static let copyFailed = Code(.copyFailed)
        /// The server's answer did not have the expected shape.
        public static let unexpectedResult = Code(.unexpectedResult)
        /// A result value could not be read as the requested type.
        public static let invalidValue = Code(.invalidValue)
        /// The configured password file could not be read.
        public static let unreadablePasswordFile = Code(.unreadablePasswordFile)

        public var description: String { base.rawValue }
    }

    /// The kind of failure.
    public var code: Code
    /// The primary message (from the server, libpq or Parity).
    public var message: String
    /// The five-character SQLSTATE when the server sent one (e.g. `42P01`).
    public var sqlState: String?
    /// The server's detail line; may quote row values, so it is not part of `description`.
    public var detail: String?
    /// The server's hint, if any.
    public var hint: String?
    /// The server the error came from, without password (`host=… port=… dbname=… user=…`).
    public var target: String?

    public init(
        code: Code, message: String, sqlState: String? = nil, detail: String? = nil,
        hint: String? = nil, target: String? = nil
    ) {
        self.code = code
        self.message = message
        self.sqlState = sqlState
        self.detail = detail
        self.hint = hint
        self.target = target
    }

    public var description: String {
        var line = message
        if let sqlState { line += " (SQLSTATE \(sqlState))" }
        if let target { line += " [\(target)]" }
        if let hint { line += "; hint: \(hint)" }
        return line
    }
}
