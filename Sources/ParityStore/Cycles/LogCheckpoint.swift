import Dispatch
import GRDBSQLite

/// Copies the write-ahead log into the database file on a background thread, from a connection of its own,
/// while the close goes on.
///
/// A close commits its fold first (`ParityStore.closeCycle`): the checkpoint of those frames (200 MB on the
/// close benchmark: sync the log, copy, sync the file) then runs while the comparison keeps the other core
/// busy, instead of after the close's commit. A checkpoint copies only committed frames that no reader
/// still needs, and SQLite lets one run beside a write transaction.
final class LogCheckpoint: Sendable {
    private let done = DispatchSemaphore(value: 0)

    private init() {}

    /// Starts checkpointing the store at `path`.
    static func start(path: String) -> LogCheckpoint {
        let checkpoint = LogCheckpoint()
        DispatchQueue.global(qos: .utility).async {
            var db: OpaquePointer?
            if sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, nil) == SQLITE_OK {
                var keep: Int32 = 1
                _ = sqlite3_file_control(db, "main", SQLITE_FCNTL_PERSIST_WAL, &keep)
                // A connection finds the store in WAL mode when it first reads it; before, there is nothing to checkpoint.
                _ = sqlite3_exec(db, "SELECT 1 FROM sqlite_schema LIMIT 1", nil, nil, nil)
                _ = sqlite3_wal_checkpoint_v2(db, nil, SQLITE_CHECKPOINT_PASSIVE, nil, nil)
            }
            sqlite3_close(db)
            checkpoint.done.signal()
        }
        return checkpoint
    }

    /// Waits until the checkpoint has finished.
    func wait() {
        done.wait()
    }
}
