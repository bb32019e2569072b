import Foundation
import LogicalReplication
import ReplicationStream

/// A committed transaction as the recording consumer saw it, streamed or not.
struct RecordedTransaction: Sendable {
    var xid: UInt32
    var endLSN: LSN
    var commitTime: PostgresTimestamp
    var changes: [RowChange]
    var wasStreamed: Bool
}

/// Records everything a stream delivers; can be told to fail on the n-th transaction.
final class RecordingConsumer: ReplicationConsumer, @unchecked Sendable {
    /// The error thrown by a consumer told to fail.
    struct Refused: Error, CustomStringConvertible {
        let transactionNumber: Int
        var description: String { "refused transaction #\(transactionNumber)" }
    }

    private let lock = NSLock()
    private var appliedTransactions: [RecordedTransaction] = []
    private var staged: [UInt32: [StreamedChange]] = [:]
    private var receivedMessages: [LogicalMessage] = []
    private var idleCalls: [LSN] = []
    private var idleTimes: [PostgresTimestamp] = []
    private var durablePositions: [LSN] = []
    private var stageCalls = 0
    private var attempts = 0
    private let failOnTransaction: Int?

    init(failOnTransaction: Int? = nil) {
        self.failOnTransaction = failOnTransaction
    }

    var transactions: [RecordedTransaction] { lock.withLock { appliedTransactions } }
    var messages: [LogicalMessage] { lock.withLock { receivedMessages } }
    var idleWalEnds: [LSN] { lock.withLock { idleCalls } }
    /// The server time of each idle call, in order.
    var idleServerTimes: [PostgresTimestamp] { lock.withLock { idleTimes } }
    /// The end of the last transaction applied at each ``makeDurable()``, in order.
    var madeDurable: [LSN] { lock.withLock { durablePositions } }
    /// How many times changes were staged.
    var stageCount: Int { lock.withLock { stageCalls } }
    /// The xids with staged changes not yet committed or aborted.
    var stagedXIDs: [UInt32] { lock.withLock { staged.keys.sorted() } }

    /// Applies the whole batch, or (refusing one of its transactions) none of it.
    func apply(_ transactions: [AssembledTransaction]) throws {
        try lock.withLock {
            let first = attempts + 1
            attempts += transactions.count
            if let fail = failOnTransaction, (first...attempts).contains(fail) { throw Refused(transactionNumber: fail) }
            appliedTransactions += transactions.map {
                RecordedTransaction(xid: $0.xid, endLSN: $0.endLSN, commitTime: $0.commitTime, changes: $0.changes, wasStreamed: false)
            }
        }
    }

    func makeDurable() throws {
        lock.withLock { durablePositions.append(appliedTransactions.last?.endLSN ?? .invalid) }
    }

    func streamStarted() throws {
        lock.withLock { staged = [:] }
    }

    func stage(_ changes: StreamedChanges) throws {
        lock.withLock {
            stageCalls += 1
            if changes.startsTransaction { staged[changes.xid] = [] }
            staged[changes.xid, default: []] += changes.changes
        }
    }

    func commitStreamed(_ commit: StreamedCommit) throws -> Int {
        try lock.withLock {
            attempts += 1
            if let fail = failOnTransaction, attempts == fail { throw Refused(transactionNumber: fail) }
            let changes = staged.removeValue(forKey: commit.xid) ?? []
            appliedTransactions.append(RecordedTransaction(
                xid: commit.xid, endLSN: commit.endLSN, commitTime: commit.commitTime, changes: changes.map(\.change), wasStreamed: true))
            return changes.count
        }
    }

    func abortStreamed(_ abort: StreamedAbort) throws {
        lock.withLock {
            if abort.abortsWholeTransaction {
                staged[abort.xid] = nil
            } else if let first = staged[abort.xid]?.firstIndex(where: { $0.subtransactionXID == abort.subtransactionXID }) {
                staged[abort.xid]?.removeSubrange(first...)
            }
        }
    }

    func messageReceived(_ message: LogicalMessage, at lsn: LSN) throws {
        lock.withLock { receivedMessages.append(message) }
    }

    func idle(walEnd: LSN, serverTime: PostgresTimestamp) throws {
        lock.withLock {
            idleCalls.append(walEnd)
            idleTimes.append(serverTime)
        }
    }
}
