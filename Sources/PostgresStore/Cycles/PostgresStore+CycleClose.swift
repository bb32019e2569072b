import ParityModel
import ParityStore

extension PostgresStore {
    /// Closes cycle `id` in one store transaction: `compare` reads the state as of `end` (the pending changes committed
    /// before it over row state; a close with a truncate folds them into row state first, ``CycleFold``) and says what to
    /// record, and the cycle with everything `compare` returned is written. A comparison that fails rolls the close back.
    /// The changes stay pending until ``foldClosedChanges()``. Returns nil, recording nothing, when cycle `id` is closed
    /// already. Pending changes whose statistics are stale are analyzed first (``PendingStatistics``); the closed cycle's
    /// `transaction_write` rows and census samples are retired into their summaries after (``retire(closed:)``).
    ///
    /// One close at a time, whichever process runs it: the close locks `cycle` against other closes (readers go on)
    /// before its snapshot is taken, so a close that waited sees the cycle the other recorded. Every statement of the close
    /// sees that one snapshot: the fold drops exactly the pending changes it folded, even those of a late transaction
    /// capture commits meanwhile stay pending.
    @discardableResult
    public func closeCycle(id: Int64, foldBefore end: Int64?, _ compare: (any CycleStateReader) throws -> CycleClose) throws(StoreError) -> CycleRecord? {
        let foldsFirst = try foldsFirst(before: end)
        let record = try write(.snapshotWrite) { transaction -> CycleRecord? in
            // Utility statements: they take no snapshot, so the close's snapshot follows the locks.
            try transaction.execute("LOCK TABLE cycle IN SHARE ROW EXCLUSIVE MODE")
            if foldsFirst { try Self.keepClosedFoldsOut(in: transaction) }
            guard try transaction.row("SELECT 1 FROM cycle WHERE id = \(id)") == nil else { return nil }
            try PendingStatistics.refresh(parts: KeyPartition.everyPart, in: transaction)
            let (changesAfter, prepared) = try beginClose(id, before: end, foldsFirst: foldsFirst, in: transaction)
            let changed = try Self.takeChanges(
                of: id, changesAfter: changesAfter, before: end, parts: KeyPartition.everyPart, prepared: prepared, in: transaction) > 0 || prepared
            let overlay = try Self.overlay(changesAfter: changesAfter, foldBefore: end, parts: KeyPartition.everyPart, in: transaction)
            let close = try compare(PostgresCycleStateReader(store: self, transaction: transaction, cycle: id, changedNothing: !changed, overlay: overlay))
            try CloseRecord(close: close, partition: partitions).write(in: transaction)
            try Self.recordClosed(before: end, in: transaction)
            return close.cycle
        }
        if let record { try retire(closed: record) }
        return record
    }

    /// Calls `body` with a reader of both sides' row state as of the last closed cycle, in one snapshot (capture and
    /// closes go on meanwhile).
    public func withClosedState<T>(_ body: (any CycleStateReader) throws -> T) throws(StoreError) -> T {
        try read { transaction in
            try body(closedStateReader(in: transaction))
        }
    }

    /// A reader of both sides' row state as of the last closed cycle.
    func closedStateReader(in transaction: StoreTransaction) throws -> PostgresCycleStateReader {
        let overlay = try Self.overlay(changesAfter: nil, foldBefore: nil, parts: KeyPartition.everyPart, in: transaction)
        return PostgresCycleStateReader(store: self, transaction: transaction, cycle: -1, changedNothing: true, overlay: overlay)
    }

    /// The column names of one stored row image of `mapping` on `side`, or nil when none is stored.
    public func storedColumns(side: SourceSide, mapping: String) throws(StoreError) -> [String]? {
        try read { transaction in
            let values = try transaction.value("""
                SELECT row_values FROM row_state WHERE \(rowStateOf: side, mapping: mapping) AND row_values IS NOT NULL LIMIT 1
                """)
            return try values.map { try layouts.columns(of: $0, in: transaction) }
        }
    }

    /// The image of the row `rowKey` (its key values as JSON array text) of `mapping` on `side` as of the last closed
    /// cycle; nil when the row does not exist then.
    public func closedImage(side: SourceSide, mapping: String, rowKey: String) throws(StoreError) -> [String: String?]? {
        try read { transaction in
            try stateValues(side: side, mapping: mapping, key: rowKey, before: Self.closedBefore(in: transaction), in: transaction)
                .map { try layouts.decode($0, key: rowKey, in: transaction) }
        }
    }
}
