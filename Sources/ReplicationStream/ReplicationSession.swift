import LogicalReplication

/// What the stream does with one CopyData message from the server.
enum SessionAction {
    /// Nothing to hand on (a change inside a transaction, a Relation, or a message already applied).
    case none
    /// Apply this committed transaction, then report it with ``ReplicationSession/applied(through:)``.
    case apply(AssembledTransaction)
    /// The server re-sent a transaction that ends at or before the durable position; it is not applied again.
    case skipped(AssembledTransaction)
    /// Deliver this non-transactional logical message.
    case deliver(LogicalMessage)
    /// Stage these changes of a streamed transaction.
    case stage(StreamedChanges)
    /// Commit this streamed transaction, then report it with ``ReplicationSession/applied(through:)``.
    case commitStreamed(StreamedCommit)
    /// Drop the staged changes of this rolled-back streamed transaction or subtransaction.
    case abortStreamed(StreamedAbort)
    /// A keepalive; when `idle` no transaction is open, so its WAL end may become durable via ``ReplicationSession/idle(through:)``.
    case keepalive(PrimaryKeepalive, idle: Bool)
}

/// One connection's protocol state: decoding, assembly, the durable position and when to report it.
///
/// Pure: the stream performs the I/O and consumer calls the actions ask for.
struct ReplicationSession {
    private var decoder = PgOutputDecoder()
    private var assembler = TransactionAssembler()
    private let statusInterval: Duration
    private var nextStatus: ContinuousClock.Instant
    /// Whether `durable` is known to be at or past the server's resume point, so reporting it never moves the slot back.
    private var durableReachedServer = false
    /// Whether the server sent anything since the last status update.
    private var heardSinceStatus = false

    /// Everything up to here is durably applied by the consumer.
    private(set) var durable: LSN
    /// The highest WAL end the server reported in this session.
    private(set) var lastWalEnd = LSN.invalid

    init(durable: LSN, statusInterval: Duration, now: ContinuousClock.Instant) {
        self.durable = durable
        self.statusInterval = statusInterval
        self.nextStatus = now + statusInterval
    }

    /// The flush position to report: the durable position once it is known not to lie behind the slot, else `0/0` (ignored by the server).
    var reportablePosition: LSN { durableReachedServer ? durable : .invalid }

    /// Decodes one CopyData payload and says what to do with it; throws on malformed input or a protocol violation.
    mutating func received(_ payload: [UInt8]) throws -> SessionAction {
        heardSinceStatus = true
        switch try ReplicationMessage.decode(from: payload) {
        case .primaryKeepalive(let keepalive):
            lastWalEnd = max(lastWalEnd, keepalive.walEnd)
            return .keepalive(keepalive, idle: assembler.isIdle)
        case .xLogData(let data):
            lastWalEnd = max(lastWalEnd, data.walEnd)
            let message = try decoder.decode(data.data)
            switch try assembler.messageReceived(message, walStart: data.dataStart) {
            case nil:
                return .none
            case .transaction(let transaction) where transaction.endLSN <= durable:
                // The server resumes at or before a commit it sends, so durable is at or past its resume point.
                durableReachedServer = true
                return .skipped(transaction)
            case .transaction(let transaction):
                return .apply(transaction)
            case .message(let logical) where logical.lsn < durable:
                return .none
            case .message(let logical):
                return .deliver(logical)
            case .streamedChanges(let changes):
                return .stage(changes)
            case .streamCommitted(let commit):
                return .commitStreamed(commit)
            case .streamAborted(let abort):
                return .abortStreamed(abort)
            }
        }
    }

    /// Records that the consumer made a transaction ending at `endLSN` durable.
    mutating func applied(through endLSN: LSN) {
        durable = max(durable, endLSN)
        durableReachedServer = true
    }

    /// Records that everything through `walEnd` was received with nothing open, so nothing before it is pending.
    mutating func idle(through walEnd: LSN) {
        durable = max(durable, walEnd)
        durableReachedServer = true
    }

    /// Whether the periodic standby status update is due.
    func isStatusDue(at now: ContinuousClock.Instant) -> Bool {
        now >= nextStatus
    }

    /// The standby status update to send now (write = flush = apply = the reportable position); restarts the interval.
    ///
    /// After an interval in which the server sent nothing it asks for a reply: a keepalive with the server's WAL position
    /// and clock, so a source with no WAL at all (a legacy system at night) still advances its watermark, without a write.
    /// A server answering the status updates it gets never needs to send a keepalive on its own.
    mutating func statusUpdate(at now: ContinuousClock.Instant, clientTime: PostgresTimestamp) -> StandbyStatusUpdate {
        nextStatus = now + statusInterval
        let position = reportablePosition
        let silent = !heardSinceStatus
        heardSinceStatus = false
        return StandbyStatusUpdate(write: position, flush: position, apply: position, clientTime: clientTime, replyRequested: silent)
    }
}
