import GRDB

extension Database {
    /// Runs `body` with a 64 MB page cache instead of SQLite's default 2 MB, then restores the default: for
    /// transactions that modify many pages (a cycle's close and fold, a part of a delta merge), which would otherwise
    /// spill pages to the log and read them back.
    func withLargePageCache<T>(_ body: () throws -> T) throws -> T {
        try execute(sql: "PRAGMA cache_size = -65536")
        defer { try? execute(sql: "PRAGMA cache_size = -2000") }
        return try body()
    }
}
