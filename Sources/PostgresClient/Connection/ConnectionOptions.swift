/// How to reach a PostgreSQL server and how to set up the session.
public struct ConnectionOptions: Sendable {
    /// Whether the connection is an ordinary session or a walsender for logical replication.
    public enum ReplicationMode: String, Sendable {
        /// An ordinary SQL session.
        case none
        /// `replication=database`: replication commands plus simple-protocol SQL.
        case database
    }

    /// The settings every Parity session uses, so text values are unambiguous.
    public static let standardSessionSettings: [(name: String, value: String)] = [
        ("TimeZone", "UTC"),
        ("DateStyle", "ISO"),
        ("IntervalStyle", "iso_8601"),
        ("extra_float_digits", "3"),
        ("lc_monetary", "C"),
    ]

    /// A libpq connection string (`host=… dbname=…`) or URI (`postgresql://…`); may hold a password.
    public var dsn: String
    /// A file whose first line is the password, read at connect time.
    public var passwordFile: String?
    /// `application_name`, so Parity's own sessions can be told apart from clients.
    public var applicationName: String
    /// How long to wait for the server to accept the connection.
    public var connectTimeout: Duration
    /// The longest a statement may run; nil for no limit (replication connections have none).
    public var statementTimeout: Duration?
    /// Ordinary or replication session.
    public var replication: ReplicationMode
    /// Session settings applied at connect through the startup packet.
    public var sessionSettings: [(name: String, value: String)]

    public init(
        dsn: String,
        passwordFile: String? = nil,
        applicationName: String = "parity",
        connectTimeout: Duration = .seconds(10),
        statementTimeout: Duration? = .seconds(300),
        replication: ReplicationMode = .none,
        sessionSettings: [(name: String, value: String)] = ConnectionOptions.standardSessionSettings
    ) {
        self.dsn = dsn
        self.passwordFile = passwordFile
        self.applicationName = applicationName
        self.connectTimeout = connectTimeout
        self.statementTimeout = statementTimeout
        self.replication = replication
        self.sessionSettings = sessionSettings
    }

    /// The `-c name=value` list for libpq's `options` keyword, with spaces and backslashes escaped.
    func startupOptions(userOptions: String?) -> String {
        var settings = sessionSettings
        if replication == .none, let statementTimeout {
            settings.append(("statement_timeout", String(statementTimeout.wholeMilliseconds)))
        }
        let ours = settings.map { "-c \(escapeOption($0.name))=\(escapeOption($0.value))" }
        return ([userOptions].compactMap { $0 } + ours).joined(separator: " ")
    }

    private func escapeOption(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if character == " " || character == "\\" { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }
}

extension Duration {
    /// The duration in whole milliseconds, rounded down.
    var wholeMilliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}
