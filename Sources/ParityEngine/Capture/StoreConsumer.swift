import LogicalReplication
import ParityConfig
import ParityModel
import ParityStore
import ReplicationStream
import SourceQueries

/// Applies a source's replication stream to the store: each transaction stored, and made to survive
/// power loss before the stream confirms it, streamed transactions staged until they end, idle keepalives
/// advancing the watermark.
final class StoreConsumer: ReplicationConsumer {
    let store: any CaptureStore
    let translator: ChangeTranslator

    init(store: any CaptureStore, side: SourceSide, tables: [TableMapping]) {
        self.store = store
        self.translator = ChangeTranslator(side: side, tables: tables)
    }

    func apply(_ transactions: [AssembledTransaction]) throws {
        let captured = try transactions.map { transaction throws(EngineError) in try translator.translate(transaction) }
        try store.apply(captured, side: translator.side)
    }

    func makeDurable() throws {
        try store.makeDurable()
    }

    func streamStarted() throws {
        try store.clearStaged(side: translator.side)
    }

    func stage(_ changes: StreamedChanges) throws {
        try store.stage(try translator.translate(changes), xid: changes.xid, side: translator.side, restart: changes.startsTransaction)
    }

    func commitStreamed(_ commit: StreamedCommit) throws -> Int {
        let record = StreamedCommitRecord(
            xid: commit.xid, commitLSN: commit.commitLSN.rawValue, endLSN: commit.endLSN.rawValue,
            commitTime: commit.commitTime.unixMicroseconds)
        return try store.commitStreamed(record, side: translator.side) ?? 0
    }

    func abortStreamed(_ abort: StreamedAbort) throws {
        try store.abortStreamed(xid: abort.xid, subxid: abort.subtransactionXID, side: translator.side)
    }

    /// Parity emits no logical messages of its own; others' non-transactional messages carry nothing to keep.
    func messageReceived(_ message: LogicalMessage, at lsn: LSN) throws {}

    func idle(walEnd: LSN, serverTime: PostgresTimestamp) throws {
        try store.recordIdle(side: translator.side, position: walEnd.rawValue, serverTime: serverTime.unixMicroseconds)
    }
}
