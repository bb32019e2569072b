import ParityModel

/// One source's capture health, for `parity status` and the service.
public struct SourceStatus: Sendable, Equatable {
    /// `legacy` or `new`.
    public var side: SourceSide
    public var slot: String
    /// Everything up to this LSN is durable in the store (and confirmed to the server).
    public var checkpointLSN: String
    /// Complete through: every commit at or before this time is durable (µs since 1970).
    public var watermark: Int64
    /// Commit time of the last transaction applied (µs since 1970).
    public var lastCommitTime: Int64?
    /// Last message from the server, local clock (µs since 1970).
    public var lastMessageAt: Int64?
    /// The error that last stopped capture, if any.
    public var lastError: String?
    /// What the server says about the slot; nil with `serverError` set when it could not be asked.
    public var server: ServerSlotStatus?
    public var serverError: String?

    public init(
        side: SourceSide, slot: String, checkpointLSN: String, watermark: Int64, lastCommitTime: Int64?,
        lastMessageAt: Int64?, lastError: String?, server: ServerSlotStatus?, serverError: String?
    ) {
        self.side = side
        self.slot = slot
        self.checkpointLSN = checkpointLSN
        self.watermark = watermark
        self.lastCommitTime = lastCommitTime
        self.lastMessageAt = lastMessageAt
        self.lastError = lastError
        self.server = server
        self.serverError = serverError
    }
}

/// The slot as the source server reports it.
public struct ServerSlotStatus: Sendable, Equatable {
    /// False when the slot no longer exists on the server.
    public var exists: Bool
    /// Whether a capture is connected to it now.
    public var active: Bool
    /// `pg_replication_slots.wal_status`: reserved, extended, unreserved or lost.
    public var walStatus: String?
    /// The slot's confirmed flush position.
    public var confirmedFlushLSN: String?
    /// Bytes of WAL written since the confirmed position: capture lag in bytes.
    public var lagBytes: Int64
    /// WAL the server keeps for this slot.
    public var retainedBytes: Int64
    /// Who holds the slot while it is active (`PID 4711, application parity, from 10.0.0.5, since …`).
    public var holder: String?

    public init(
        exists: Bool, active: Bool, walStatus: String?, confirmedFlushLSN: String?, lagBytes: Int64, retainedBytes: Int64,
        holder: String? = nil
    ) {
        self.exists = exists
        self.active = active
        self.walStatus = walStatus
        self.confirmedFlushLSN = confirmedFlushLSN
        self.lagBytes = lagBytes
        self.retainedBytes = retainedBytes
        self.holder = holder
    }
}
