import GRDB

extension ParityStore {
    /// Makes every transaction committed so far survive power loss, not only a crash of the process.
    ///
    /// Transactions commit with `synchronous = NORMAL`: the WAL reaches the disk at checkpoints, not at each
    /// commit. One commit with FULL syncs the WAL file, and with it every transaction before its own. Capture
    /// calls this before it confirms a position to a source, once per confirmation instead of at every commit:
    /// a sync at every commit took capture of small transactions from 0.95 to 0.68 of `pg_recvlogical`, and the
    /// live lag at 3,000 tps from milliseconds to seconds (Benchmarks/RESULTS.md).
    public func makeDurable() throws(StoreError) {
        do {
            try pool.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA synchronous = FULL")
                defer { try? db.execute(sql: "PRAGMA synchronous = NORMAL") }
                try db.inTransaction {
                    try StoreInfo.set(db, "durable_at", String(Self.now()))
                    return .commit
                }
            }
        } catch {
            throw StoreError(code: .databaseError, message: "syncing the store to disk failed: \(error)", path: path, underlying: error)
        }
    }
}
