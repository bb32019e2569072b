import GRDB

extension ParityStore {
    /// Runs a write transaction that need not survive a power loss (`synchronous = NORMAL`: no
    /// fsync at its commit), for data that is dropped on restart anyway, such as staged changes.
    /// The next durable (`FULL`) commit syncs the log, and with it this transaction.
    func writeUnsynced<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try pool.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
                var result: T?
                do {
                    try db.inTransaction(.immediate) {
                        result = try body(db)
                        return .commit
                    }
                } catch {
                    try db.execute(sql: "PRAGMA synchronous = FULL")
                    throw error
                }
                try db.execute(sql: "PRAGMA synchronous = FULL")
                return result!  // set: the transaction committed
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(code: .databaseError, message: "writing the store failed: \(error)", path: path, underlying: error)
        }
    }
}
