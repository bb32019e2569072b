import GRDB

extension ParityStore {
    /// Calls `body` with a reader of both sides' row state as of the last closed cycle, in one read transaction (capture
    /// and closes go on meanwhile; the reader sees the state as it was when the transaction began).
    public func withClosedState<T>(_ body: (any CycleStateReader) throws -> T) throws(StoreError) -> T {
        try read { db in try body(SQLiteCycleStateReader(db: db, layouts: layouts, cycle: -1, folded: .none)) }
    }
}
