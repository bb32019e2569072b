import ParityModel

/// The two databases being reconciled (`sources:`).
public struct Sources: Sendable, Hashable {
    /// The legacy database being retired.
    public var legacy: SourceConfiguration
    /// The replacement database.
    public var new: SourceConfiguration

    /// Creates the pair of sources.
    public init(legacy: SourceConfiguration, new: SourceConfiguration) {
        self.legacy = legacy
        self.new = new
    }
}

/// How to connect to and replicate from one PostgreSQL database (`sources.legacy`, `sources.new`).
public struct SourceConfiguration: Sendable, Hashable {
    /// libpq connection string or URI; a secret, never logged or shown in messages.
    public var dsn: String
    /// Logical replication slot name.
    public var slot: String
    /// Publication name.
    public var publication: String
    /// Schemas whose unmapped tables are published so their writes are seen (legacy side).
    public var watchSchemas: [String]
    /// File holding the password, read at connect time.
    public var passwordFile: String?
    /// Time allowed to establish a connection.
    public var connectTimeout: Duration
    /// `statement_timeout` set on query connections.
    public var statementTimeout: Duration
    /// `application_name` reported to the server.
    public var applicationName: String
    /// How often capture writes a tiny logical message to the source (`pg_logical_emit_message`) so a server that sends
    /// no keepalive while idle still moves its position; nil (the default, `off`) writes nothing.
    public var heartbeat: Duration?

    /// Creates a source configuration; `slot`, `publication` and `watchSchemas` default per side.
    public init(
        side: SourceSide,
        dsn: String,
        slot: String? = nil,
        publication: String? = nil,
        watchSchemas: [String]? = nil,
        passwordFile: String? = nil,
        connectTimeout: Duration = .seconds(10),
        statementTimeout: Duration = .seconds(300),
        applicationName: String = "parity"
    ) {
        self.dsn = dsn
        self.slot = slot ?? Self.defaultSlot(for: side)
        self.publication = publication ?? Self.defaultSlot(for: side)
        self.watchSchemas = watchSchemas ?? Self.defaultWatchSchemas(for: side)
        self.passwordFile = passwordFile
        self.connectTimeout = connectTimeout
        self.statementTimeout = statementTimeout
        self.applicationName = applicationName
    }

    /// Default slot and publication name for a side: `parity_legacy` or `parity_new`.
    public static func defaultSlot(for side: SourceSide) -> String {
        "parity_\(side.rawValue)"
    }

    /// Default watched schemas for a side: `[public]` for legacy, none for new.
    public static func defaultWatchSchemas(for side: SourceSide) -> [String] {
        side == .legacy ? ["public"] : []
    }
}
