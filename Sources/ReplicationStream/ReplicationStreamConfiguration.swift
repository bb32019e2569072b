import LogicalReplication
import PostgresClient

/// What a ``ReplicationStream`` connects to, where it starts, and how it confirms and reconnects.
public struct ReplicationStreamConfiguration: Sendable {
    /// How to reach the source; the stream always opens it as a `replication=database` session.
    public var connection: ConnectionOptions
    /// The logical replication slot (pgoutput) to stream from.
    public var slot: String
    /// The publications whose changes the slot sends.
    public var publications: [String]
    /// The pgoutput protocol version; from 2 on, large transactions are streamed before they commit.
    public var protocolVersion: Int
    /// The consumer's durable checkpoint: the stream never confirms less and skips transactions ending at or before it.
    public var startLSN: LSN
    /// How often a standby status update is sent when the server does not ask for one.
    public var statusInterval: Duration
    /// The delays between reconnect attempts.
    public var backoff: ReconnectBackoff
    /// Consecutive failed reconnect attempts after which the stream fails; nil retries forever.
    public var maxReconnectAttempts: Int?
    /// How long one socket wait lasts, which bounds how quickly `stop()` is noticed.
    public var pollInterval: Duration
    /// How long a graceful stop waits for the server to end the copy.
    public var stopTimeout: Duration
    /// How long the slot may stay held by another process (`object_in_use`) before the stream fails: long enough for
    /// the walsender of a lost connection to go, short enough that a second capture on the same slot says so.
    public var slotInUseLimit: Duration

    /// Creates a configuration; only connection, slot, publications and start position are required.
    public init(
        connection: ConnectionOptions,
        slot: String,
        publications: [String],
        startLSN: LSN,
        protocolVersion: Int = 2,
        statusInterval: Duration = .seconds(10),
        backoff: ReconnectBackoff = ReconnectBackoff(),
        maxReconnectAttempts: Int? = nil,
        pollInterval: Duration = .milliseconds(100),
        stopTimeout: Duration = .seconds(5),
        slotInUseLimit: Duration = .seconds(60)
    ) {
        self.connection = connection
        self.slot = slot
        self.publications = publications
        self.startLSN = startLSN
        self.protocolVersion = protocolVersion
        self.statusInterval = statusInterval
        self.backoff = backoff
        self.maxReconnectAttempts = maxReconnectAttempts
        self.pollInterval = pollInterval
        self.stopTimeout = stopTimeout
        self.slotInUseLimit = slotInUseLimit
    }

    /// The connection options as the stream uses them: a walsender session without a statement timeout.
    var replicationConnection: ConnectionOptions {
        var options = connection
        options.replication = .database
        options.statementTimeout = nil
        return options
    }

    /// `START_REPLICATION SLOT "slot" LOGICAL X/Y (…)` from `position`, with quoted slot and publication names.
    func startReplicationCommand(from position: LSN) -> PostgresQuery {
        let names = publications.map(quoteIdentifier).joined(separator: ",")
        var options = [
            "proto_version '\(protocolVersion)'",
            "publication_names \(Self.literal(names))",
            "messages 'true'",
        ]
        if protocolVersion >= 2 { options.append("streaming 'on'") }
        return PostgresQuery(
            unsafeSQL: "START_REPLICATION SLOT \(quoteIdentifier(slot)) LOGICAL \(position) (\(options.joined(separator: ", ")))"
        )
    }

    /// A SQL string literal: single quotes doubled (the walsender's grammar has no backslash escapes).
    private static func literal(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }
}
