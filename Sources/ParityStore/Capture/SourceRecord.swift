import ParityModel

/// What the store knows about one initialized source.
public struct SourceRecord: Sendable, Equatable {
    /// `legacy` or `new`.
    public var side: SourceSide
    public var slot: String
    public var publications: [String]
    /// The server's system identifier (IDENTIFY_SYSTEM), to refuse streaming from another server.
    public var systemIdentifier: String
    public var database: String
    /// Where the baseline snapshot ends; streaming starts here.
    public var consistentPoint: UInt64
    /// The position up to which everything is durable in the store (confirmed to the server).
    public var checkpointLSN: UInt64
    /// Commit time of the last transaction applied (µs since 1970, source clock).
    public var lastCommitTime: Int64?
    /// Complete through: every commit at or before this time (µs since 1970) is durable.
    public var watermark: Int64
    public var initializedAt: Int64
    /// Local time of the last message from the server (µs since 1970).
    public var lastMessageAt: Int64?
    /// The last capture error, if the source is not streaming.
    public var lastError: String?

    public init(
        side: SourceSide, slot: String, publications: [String], systemIdentifier: String, database: String,
        consistentPoint: UInt64, checkpointLSN: UInt64, lastCommitTime: Int64? = nil, watermark: Int64,
        initializedAt: Int64, lastMessageAt: Int64? = nil, lastError: String? = nil
    ) {
        self.side = side
        self.slot = slot
        self.publications = publications
        self.systemIdentifier = systemIdentifier
        self.database = database
        self.consistentPoint = consistentPoint
        self.checkpointLSN = checkpointLSN
        self.lastCommitTime = lastCommitTime
        self.watermark = watermark
        self.initializedAt = initializedAt
        self.lastMessageAt = lastMessageAt
        self.lastError = lastError
    }
}
