import Foundation
import GRDB
import GRDBSQLite
import Synchronization

/// Every checkpoint of the store: the write-ahead log copied into the database file while this process holds the
/// store's write lock, so that no connection of any process commits, and so restarts the log, while it runs.
///
/// SQLite 3.7.0 through 3.51.2 (Debian 12 ships 3.40) has a race, the WAL-reset bug
/// (sqlite.org/wal.html#walresetbug): a checkpoint that starts while another connection's commit restarts the log
/// can later skip frames, and the pages they held never reach the database file ("database disk image is
/// malformed"). Capture, close and the other commands write one store from several processes, the exact
/// pattern. So SQLite's automatic checkpoints are off (a WAL hook takes their place and only counts the log's
/// frames), and a checkpoint runs here, from a connection of its own, inside an immediate transaction of the
/// store's writer connection, which holds the lock every commit needs.
final class GuardedCheckpoint: Sendable {
    /// Log frames after which a commit asks for a checkpoint: SQLite's automatic checkpoint threshold.
    static let threshold: Int32 = 1000
    /// The least time between two checkpoints a commit asks for, when readers keep one from completing.
    static let interval: TimeInterval = 1

    private let frames = Atomic<Int32>(0)
    private let lastAttempt = Mutex<Date>(.distantPast)
    private let connection = Mutex<OpaquePointer?>(nil)
    private let path: String

    init(path: String) {
        self.path = path
    }

    deinit {
        _ = connection.withLock { sqlite3_close($0) }
    }

    /// Turns SQLite's automatic checkpoint off on `db` and counts the log's frames after each commit instead.
    func watch(_ db: Database) {
        let context = Unmanaged.passUnretained(self).toOpaque()
        sqlite3_wal_hook(db.sqliteConnection, { context, _, _, frames in
            Unmanaged<GuardedCheckpoint>.fromOpaque(context!).takeUnretainedValue().frames.store(frames, ordering: .relaxed)
            return SQLITE_OK
        }, context)
    }

    /// Whether the log has grown past ``threshold`` and no checkpoint was tried in the last ``interval``.
    var isDue: Bool {
        guard frames.load(ordering: .relaxed) >= Self.threshold else { return false }
        return lastAttempt.withLock { Date().timeIntervalSince($0) >= Self.interval }
    }

    /// Copies the log into the database file (a passive checkpoint: what no reader still needs) while `writer`, the
    /// store's writer connection, holds an immediate transaction.
    func run(_ writer: DatabasePool) throws {
        lastAttempt.withLock { $0 = Date() }
        try writer.writeWithoutTransaction { db in
            try db.inTransaction(.immediate) {
                try connection.withLock { connection in
                    if connection == nil { connection = try Self.open(path) }
                    let status = sqlite3_wal_checkpoint_v2(connection, nil, SQLITE_CHECKPOINT_PASSIVE, nil, nil)
                    guard status == SQLITE_OK || status == SQLITE_BUSY else {
                        throw DatabaseError(resultCode: ResultCode(rawValue: status), message: String(cString: sqlite3_errmsg(connection)))
                    }
                }
                return .rollback
            }
        }
        frames.store(0, ordering: .relaxed)
    }

    /// A connection for checkpoints only, keeping the log file when it closes like the store's own.
    private static func open(_ path: String) throws -> OpaquePointer {
        var db: OpaquePointer?
        let status = sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, nil)
        guard status == SQLITE_OK, let db else {
            defer { sqlite3_close(db) }
            throw DatabaseError(resultCode: ResultCode(rawValue: status), message: "cannot open a connection to checkpoint the store")
        }
        var keep: Int32 = 1
        _ = sqlite3_file_control(db, "main", SQLITE_FCNTL_PERSIST_WAL, &keep)
        // A connection finds the store in WAL mode when it first reads it.
        _ = sqlite3_exec(db, "SELECT 1 FROM sqlite_schema LIMIT 1", nil, nil, nil)
        return db
    }
}
