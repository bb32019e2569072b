import ParityModel
import ParityStore

extension PostgresStore {
    /// Closes cycle `id` in one store transaction: the pending changes committed before `end` (nil, the baseline: none)
    /// are folded into row state (``CycleFold``), `compare` reads the state as of `end` and says what to record, and the
    /// cycle with everything `compare` returned is written. A comparison that fails rolls the fold back with it.
    /// Returns nil, recording nothing, when cycle `id` is closed already.
    ///
    /// One close at a time, whichever process runs it: the close locks `cycle` against other closes (readers go on)
    /// before its snapshot is taken, so a close that waited sees the cycle the other recorded. Every statement of the close
    /// sees that one snapshot: the fold drops exactly the pending changes it folded, even those of a late transaction
    /// capture commits meanwhile stay pending.
    @discardableResult
    public func closeCycle(id: Int64, foldBefore end: Int64?, _ compare: (any CycleStateReader) throws -> CycleClose) throws(StoreError) -> CycleRecord? {
        try write(.snapshotWrite) { transaction -> CycleRecord? in
            // A utility statement: it takes no snapshot, so the close's snapshot follows the lock.
            try transaction.execute("LOCK TABLE cycle IN SHARE ROW EXCLUSIVE MODE")
            guard try transaction.row("SELECT 1 FROM cycle WHERE id = \(id)") == nil else { return nil }
            var changed = false
            if let end {
                let prepared = try CycleFold.prepare(transaction, cycle: id, before: end)
                changed = try CycleFold.apply(transaction, cycle: id, before: end, parts: nil, prepared: prepared) > 0 || prepared
            }
            let close = try compare(PostgresCycleStateReader(store: self, transaction: transaction, cycle: id, changedNothing: !changed))
            try CloseRecord(close: close, partition: partitions).write(in: transaction)
            return close.cycle
        }
    }

    /// Calls `body` with a reader of both sides' row state as of the last closed cycle, in one snapshot (capture and
    /// closes go on meanwhile).
    public func withClosedState<T>(_ body: (any CycleStateReader) throws -> T) throws(StoreError) -> T {
        try read { transaction in try body(PostgresCycleStateReader(store: self, transaction: transaction, cycle: -1, changedNothing: true)) }
    }

    /// The column names of one stored row image of `mapping` on `side`, or nil when none is stored.
    public func storedColumns(side: SourceSide, mapping: String) throws(StoreError) -> [String]? {
        try read { transaction in
            let values = try transaction.value("""
                SELECT row_values FROM row_state WHERE side = \(side.rawValue) AND mapping = \(mapping) AND row_values IS NOT NULL LIMIT 1
                """)
            return try values.map { try layouts.columns(of: $0, in: transaction) }
        }
    }

    /// The image of the row `rowKey` (its key values as JSON array text) of `mapping` on `side` as of the last closed
    /// cycle; nil when the row does not exist then.
    public func closedImage(side: SourceSide, mapping: String, rowKey: String) throws(StoreError) -> [String: String?]? {
        try read { transaction in
            try closedValues(side: side, mapping: mapping, key: rowKey, in: transaction).flatMap { try layouts.decode($0, in: transaction) }
        }
    }
}
