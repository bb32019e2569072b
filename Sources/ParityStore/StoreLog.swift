import GRDB
import GRDBSQLite

/// How the store keeps its write-ahead log file from one command to the next.
///
/// SQLite deletes the log when the last connection closes, so each `parity` command wrote its log into a
/// new file, and the file system allocated every block again: on the close benchmark (200 MB of log) that
/// cost about a second (Benchmarks/RESULTS.md). The store keeps the file instead (SQLite's persistent WAL)
/// and, when it is released, restarts the log: a committed transaction after a complete checkpoint writes a
/// new log header, so the frames left in the file no longer count and the next process has nothing to
/// recover. The kept file is cut to ``keptBytes``.
enum StoreLog {
    /// The most log file kept between commands: enough for a close of a few million changed rows.
    static let keptBytes = 1 << 30

    /// Tells SQLite to keep the log file when `db`, the last connection, closes.
    static func keepFile(_ db: Database) {
        var keep: Int32 = 1
        _ = sqlite3_file_control(db.sqliteConnection, "main", SQLITE_FCNTL_PERSIST_WAL, &keep)
    }

    /// Commits a one-row write so that SQLite restarts the log from its start (new header, no valid frames after
    /// this one) when a checkpoint (`GuardedCheckpoint`) copied all of it, cutting the file to `keeping` bytes as
    /// it does.
    static func restart(_ db: Database, keeping: Int = keptBytes) throws {
        try db.execute(sql: "PRAGMA journal_size_limit = \(keeping)")
        defer { try? db.execute(sql: "PRAGMA journal_size_limit = -1") }
        try db.inTransaction {
            try StoreInfo.set(db, "released_at", String(ParityStore.now()))
            return .commit
        }
    }
}
