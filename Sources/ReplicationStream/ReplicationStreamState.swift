import Foundation
import LogicalReplication

/// A consistent snapshot of a ``ReplicationStream``'s progress and health.
public struct ReplicationStreamState: Hashable, Sendable {
    /// Where the stream is in its life.
    public enum Status: Hashable, Sendable {
        /// `start()` has not been called.
        case notStarted
        /// Opening the first connection.
        case connecting
        /// Receiving changes.
        case streaming
        /// The connection was lost; waiting to connect again.
        case reconnecting
        /// Stopped on request.
        case stopped
        /// Stopped by an error (a consumer failure, a protocol violation, or reconnects exhausted).
        case failed(String)
    }

    /// Where the stream is in its life.
    public var status: Status = .notStarted
    /// Everything up to here is durably applied by the consumer (or known to hold nothing for it).
    public var durableLSN: LSN
    /// The flush position last sent to the server in a standby status update.
    public var confirmedLSN: LSN = .invalid
    /// The highest WAL end the server reported.
    public var lastWalEnd: LSN = .invalid
    /// The commit time of the last transaction applied, from the source's clock.
    public var lastCommitTime: PostgresTimestamp?
    /// When the last message arrived, on the local clock.
    public var lastMessageTime: Date?
    /// How many times the connection was lost or could not be opened and was tried again.
    public var reconnectCount = 0
    /// Why the last connection was lost or could not be opened (one line, no secrets); nil once streaming again.
    public var lastError: String?
    /// Transactions handed to the consumer.
    public var transactionsApplied = 0
    /// Row changes in those transactions.
    public var changesApplied = 0
    /// How long the applied transactions took from their commit on the source to durable in the consumer.
    public var commitLag = CommitLag()
    /// Transactions the server re-sent that ended at or before the durable position, so were not applied again.
    public var transactionsSkipped = 0

    /// Bytes of WAL the server has sent past the durable position (0 when caught up).
    public var lagBytes: Int64 { max(0, durableLSN.distance(to: lastWalEnd)) }

    /// Creates the state of a stream that has not started, durable at `durableLSN`.
    public init(durableLSN: LSN) {
        self.durableLSN = durableLSN
    }
}
