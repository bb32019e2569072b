import Foundation
import LogicalReplication
import Logging
import ParityLogging
import PostgresClient

/// The body of a ``ReplicationStream``'s thread: connect, stream, reconnect with backoff, report progress.
struct StreamWorker {
    let stream: ReplicationStream
    let configuration: ReplicationStreamConfiguration
    let consumer: any ReplicationConsumer
    private var durable: LSN
    private var failedAttempts = 0
    /// Committed transactions received but not yet handed to the consumer (group commit).
    private var batch: [AssembledTransaction] = []
    private var batchChanges = 0
    /// The latest idle keepalive not yet recorded: under load the server sends one after nearly every
    /// transaction, and recording one is a durable store write, so they are recorded at most once per
    /// `idleRecordInterval`, and whenever the stream falls silent.
    private var pendingIdle: PrimaryKeepalive?
    private var lastIdleRecord = ContinuousClock.now - StreamWorker.idleRecordInterval
    /// Since when every attempt found the slot held by another process (`object_in_use`); nil otherwise.
    private var slotHeldSince: ContinuousClock.Instant?
    /// The position last made to survive power loss (``ReplicationConsumer/makeDurable()``) and confirmed.
    private var lastMadeDurable = LSN.invalid

    /// A batch is handed over once no more data is waiting, or at these sizes.
    static let maxBatchTransactions = 1_000
    static let maxBatchChanges = 50_000
    /// The shortest time between two idle positions recorded while the server keeps sending.
    static let idleRecordInterval = Duration.seconds(1)

    init(stream: ReplicationStream, configuration: ReplicationStreamConfiguration, consumer: any ReplicationConsumer) {
        self.stream = stream
        self.configuration = configuration
        self.consumer = consumer
        self.durable = configuration.startLSN
    }

    /// Runs sessions until a stop is requested, a fatal error occurs, or reconnect attempts run out.
    mutating func run() {
        while !stream.isStopRequested {
            do throws(SessionEnd) {
                try runSession()
            } catch {
                switch error {
                case .fatal(let failure):
                    stream.finish(failure: failure)
                    return
                case .retry(let error):
                    failedAttempts += 1
                    if let limit = configuration.maxReconnectAttempts, failedAttempts > limit {
                        stream.finish(failure: error)
                        return
                    }
                    if error.sqlState == SessionEnd.slotInUse {
                        let since = slotHeldSince ?? .now
                        slotHeldSince = since
                        if ContinuousClock.now - since >= configuration.slotInUseLimit {
                            stream.finish(failure: error)
                            return
                        }
                    } else {
                        slotHeldSince = nil
                    }
                    stream.update {
                        $0.status = .reconnecting
                        $0.reconnectCount += 1
                        $0.lastError = error.description
                    }
                    stream.logger.warning(
                        "connection lost or refused (\(error.description)); reconnecting, attempt \(failedAttempts)",
                        metadata: .parity([.lsn: durable.description, .error: error.description, .attempt: "\(failedAttempts)"]))
                    let delay = configuration.backoff.delay(attempt: failedAttempts, random: Double.random(in: 0..<1))
                    _ = stream.pause(for: delay)
                }
            }
        }
        stream.finish(failure: nil)
    }

    /// One connection: START_REPLICATION from the durable position, then receive until a stop is requested.
    private mutating func runSession() throws(SessionEnd) {
        let connection = try connected { () throws(PostgresError) in
            try PostgresConnection.connect(configuration.replicationConnection)
        }
        defer { connection.close() }
        try connected { () throws(PostgresError) in
            try connection.startCopyBoth(configuration.startReplicationCommand(from: durable))
        }
        let recovered = failedAttempts > 0
        failedAttempts = 0
        slotHeldSince = nil
        try fatalOnError { try consumer.streamStarted() }
        stream.update {
            $0.status = .streaming
            $0.lastError = nil
        }
        if recovered {
            stream.logger.notice("streaming again from \(durable)", metadata: .parity([.lsn: durable.description]))
        } else {
            stream.logger.info("streaming from \(durable)", metadata: .parity([.lsn: durable.description]))
        }
        var session = ReplicationSession(durable: durable, statusInterval: configuration.statusInterval, now: .now)
        do throws(SessionEnd) {
            while !stream.isStopRequested {
                if session.isStatusDue(at: .now) { try sendStatus(on: connection, &session) }
                // While a batch waits, only take what has already arrived; then hand the batch over.
                let wait = batch.isEmpty ? configuration.pollInterval : .zero
                let read = try connected { () throws(PostgresError) in
                    try connection.readCopyData(timeout: wait)
                }
                switch read {
                case .timedOut:
                    if batch.isEmpty { try recordIdle(&session) }  // silent for a poll interval
                    try flushBatch(&session)
                    continue
                case .finished:
                    try flushBatch(&session)
                    try recordIdle(&session)
                    throw .retry(PostgresError(code: .connectionLost, message: "the server ended the replication stream", target: connection.target))
                case .data(let payload):
                    try handle(payload, on: connection, &session)
                }
            }
        } catch {
            // Transactions received whole before a lost connection are still good to apply.
            if case .retry = error { try flushBatch(&session) }
            durable = session.durable
            if case .fatal = error { closeGracefully(connection, &session) }
            throw error
        }
        try flushBatch(&session)
        try recordIdle(&session)
        closeGracefully(connection, &session)
    }

    /// Hands the waiting batch to the consumer and, once durable, advances the durable position.
    private mutating func flushBatch(_ session: inout ReplicationSession) throws(SessionEnd) {
        guard let last = batch.last else { return }
        let transactions = batch
        batch.removeAll(keepingCapacity: true)
        let changes = batchChanges
        batchChanges = 0
        try fatalOnError { try consumer.apply(transactions) }
        let durableTime = PostgresTimestamp(Date())
        for transaction in transactions { session.applied(through: transaction.endLSN) }
        if let idle = pendingIdle, idle.walEnd <= session.durable { pendingIdle = nil }  // nothing left to record
        durable = session.durable
        let position = session.durable
        stream.update { state in
            state.durableLSN = position
            state.transactionsApplied += transactions.count
            state.changesApplied += changes
            state.lastCommitTime = last.commitTime
            for transaction in transactions { state.commitLag.record(commitTime: transaction.commitTime, durableTime: durableTime) }
        }
    }

    /// Hands one server message to the session and performs what it asks for.
    private mutating func handle(_ payload: [UInt8], on connection: PostgresConnection, _ session: inout ReplicationSession) throws(SessionEnd) {
        let action = try fatalOnError { try session.received(payload) }
        var skipped = 0
        switch action {
        case .none:
            break
        case .apply(let transaction):
            batch.append(transaction)
            batchChanges += transaction.changes.count
            if batch.count >= Self.maxBatchTransactions || batchChanges >= Self.maxBatchChanges {
                try flushBatch(&session)
            }
        case .skipped:
            skipped = 1
        case .deliver(let message):
            try flushBatch(&session)
            try fatalOnError { try consumer.messageReceived(message, at: message.lsn) }
        case .stage(let changes):
            try fatalOnError { try consumer.stage(changes) }
        case .commitStreamed(let commit):
            if let final = commit.finalChanges { try fatalOnError { try consumer.stage(final) } }
            // Commit order: every transaction that committed before this one is applied first.
            try flushBatch(&session)
            let alreadyDurable = commit.endLSN <= session.durable
            let changes = try fatalOnError { try consumer.commitStreamed(commit) }
            let durableTime = PostgresTimestamp(Date())
            session.applied(through: commit.endLSN)
            if alreadyDurable {
                skipped = 1
            } else {
                stream.update { state in
                    state.transactionsApplied += 1
                    state.changesApplied += changes
                    state.lastCommitTime = commit.commitTime
                    state.commitLag.record(commitTime: commit.commitTime, durableTime: durableTime)
                }
            }
        case .abortStreamed(let abort):
            try fatalOnError { try consumer.abortStreamed(abort) }
        case .keepalive(let keepalive, let idle):
            if idle {
                try flushBatch(&session)
                pendingIdle = keepalive
                if ContinuousClock.now >= lastIdleRecord + Self.idleRecordInterval { try recordIdle(&session) }
            }
            if keepalive.replyRequested { try sendStatus(on: connection, &session) }
        }
        durable = session.durable
        let (position, walEnd) = (session.durable, session.lastWalEnd)
        stream.update { state in
            state.lastMessageTime = Date()
            state.durableLSN = position
            state.lastWalEnd = max(state.lastWalEnd, walEnd)
            state.transactionsSkipped += skipped
        }
    }

    /// Records the pending idle keepalive, if any: its WAL end becomes durable and the source's watermark advances.
    ///
    /// Safe after later messages too: a transaction received after the keepalive commits past its WAL end.
    private mutating func recordIdle(_ session: inout ReplicationSession) throws(SessionEnd) {
        guard let keepalive = pendingIdle else { return }
        try fatalOnError { try consumer.idle(walEnd: keepalive.walEnd, serverTime: keepalive.serverTime) }
        session.idle(through: keepalive.walEnd)
        pendingIdle = nil
        lastIdleRecord = .now
        durable = session.durable
        let position = session.durable
        stream.update { $0.durableLSN = position }
    }

    /// Sends a standby status update confirming the durable position (never more), after making what the
    /// consumer stored survive power loss when the position moved since the last confirmation.
    private mutating func sendStatus(on connection: PostgresConnection, _ session: inout ReplicationSession) throws(SessionEnd) {
        if session.reportablePosition > lastMadeDurable {
            let position = session.reportablePosition
            try fatalOnError { try consumer.makeDurable() }
            lastMadeDurable = position
        }
        let update = session.statusUpdate(at: .now, clientTime: PostgresTimestamp(Date()))
        try connected { () throws(PostgresError) in try connection.sendCopyData(update.encoded()) }
        guard update.flush.isValid else { return }
        stream.update { $0.confirmedLSN = update.flush }
    }

    /// Confirms the durable position one last time and ends the copy, within the stop timeout. A failure is logged and
    /// harmless: the next start resumes from the consumer's durable position, whatever the server last heard.
    private mutating func closeGracefully(_ connection: PostgresConnection, _ session: inout ReplicationSession) {
        var failures: [String] = []
        do throws(SessionEnd) { try sendStatus(on: connection, &session) } catch { failures.append(error.description) }
        do { try connection.endCopy(timeout: configuration.stopTimeout) } catch { failures.append(error.description) }
        guard !failures.isEmpty else { return }
        stream.logger.info("could not confirm the durable position while closing; the next start resumes from it",
                           metadata: .parity([.lsn: session.durable.description, .error: failures.joined(separator: "; ")]))
    }

    /// Runs a client call, sorting its error into retry or fatal.
    private func connected<T>(_ body: () throws(PostgresError) -> T) throws(SessionEnd) -> T {
        do {
            return try body()
        } catch {
            throw SessionEnd(error)
        }
    }

    /// Runs a decoding or consumer call; any error it throws stops the stream.
    private func fatalOnError<T>(_ body: () throws -> T) throws(SessionEnd) -> T {
        do {
            return try body()
        } catch {
            throw .fatal(error)
        }
    }
}
