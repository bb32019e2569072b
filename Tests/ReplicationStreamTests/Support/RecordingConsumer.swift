import Foundation
import LogicalReplication
import ReplicationStream

/// Records everything a stream delivers; can be told to fail on the n-th transaction.
final class RecordingConsumer: ReplicationConsumer, @unchecked Sendable {
    /// The error thrown by a consumer told to fail.
    struct Refused: Error, CustomStringConvertible {
        let transactionNumber: Int
        var description: String { "refused transaction #\(transactionNumber)" }
    }

    private let lock = NSLock()
    private var appliedTransactions: [AssembledTransaction] = []
    private var receivedMessages: [LogicalMessage] = []
    private var idleCalls: [LSN] = []
    private var attempts = 0
    private let failOnTransaction: Int?

    init(failOnTransaction: Int? = nil) {
        self.failOnTransaction = failOnTransaction
    }

    var transactions: [AssembledTransaction] { lock.withLock { appliedTransactions } }
    var messages: [LogicalMessage] { lock.withLock { receivedMessages } }
    var idleWalEnds: [LSN] { lock.withLock { idleCalls } }

    /// Applies the whole batch, or (refusing one of its transactions) none of it.
    func apply(_ transactions: [AssembledTransaction]) throws {
        try lock.withLock {
            let first = attempts + 1
            attempts += transactions.count
            if let fail = failOnTransaction, (first...attempts).contains(fail) { throw Refused(transactionNumber: fail) }
            appliedTransactions += transactions
        }
    }

    func messageReceived(_ message: LogicalMessage, at lsn: LSN) throws {
        lock.withLock { receivedMessages.append(message) }
    }

    func idle(walEnd: LSN, serverTime: PostgresTimestamp) throws {
        lock.withLock { idleCalls.append(walEnd) }
    }
}
