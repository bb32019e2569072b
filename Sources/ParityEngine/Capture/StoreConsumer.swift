import LogicalReplication
import ParityConfig
import ParityStore
import ReplicationStream

/// Applies a source's replication stream to the store: each transaction durable before the
/// stream confirms it, idle keepalives advancing the watermark.
final class StoreConsumer: ReplicationConsumer {
    let store: ParityStore
    let translator: ChangeTranslator

    init(store: ParityStore, side: SourceSide, tables: [TableMapping]) {
        self.store = store
        self.translator = ChangeTranslator(side: side, tables: tables)
    }

    func apply(_ transactions: [AssembledTransaction]) throws {
        let captured = try transactions.map { transaction throws(EngineError) in try translator.translate(transaction) }
        try store.apply(captured, side: translator.side.rawValue)
    }

    /// Parity emits no logical messages of its own; others' non-transactional messages carry nothing to keep.
    func messageReceived(_ message: LogicalMessage, at lsn: LSN) throws {}

    func idle(walEnd: LSN, serverTime: PostgresTimestamp) throws {
        try store.recordIdle(side: translator.side.rawValue, position: walEnd.rawValue, serverTime: serverTime.unixMicroseconds)
    }
}
