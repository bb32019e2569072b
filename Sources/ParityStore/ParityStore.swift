import Foundation
import GRDB

/// Parity's embedded store: one SQLite file in WAL mode, migrated on open.
public final class ParityStore: Sendable {
    /// The store file.
    public let path: String
    /// The GRDB pool: one writer, concurrent readers.
    let pool: DatabasePool
    /// The column sets of stored row images.
    let layouts = ImageLayouts()
    /// Runs every checkpoint of the log, under the store's write lock.
    let checkpointer: GuardedCheckpoint

    /// How long a write waits for another connection's transaction (another `parity` process's) to end.
    public static let busyTimeout: TimeInterval = 60

    private init(path: String, pool: DatabasePool, checkpointer: GuardedCheckpoint) {
        self.path = path
        self.pool = pool
        self.checkpointer = checkpointer
    }

    /// Checkpoints and restarts the write-ahead log, so the next process finds its file allocated and nothing to
    /// recover. Best effort: another process still writing keeps the log.
    deinit {
        try? checkpointer.run(pool)
        try? pool.writeWithoutTransaction { db in try StoreLog.restart(db) }
    }

    /// Opens (creating if needed) the store at `path` and applies pending migrations.
    ///
    /// Refuses a store that has migrations this binary does not know (written by a newer Parity).
    public static func open(path: String, busyTimeout: TimeInterval = busyTimeout) throws(StoreError) -> ParityStore {
        let pool: DatabasePool
        // SQLite takes an empty file for a new database: a store truncated to nothing would silently start over.
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size == 0 {
            throw .corrupt("the store file is empty (0 bytes)", path: path)
        }
        let created = !FileManager.default.fileExists(atPath: path)
        let checkpointer = GuardedCheckpoint(path: path)
        do {
            let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            var configuration = Configuration()
            // Commands share the store (capture beside close, reports, the gate): a write waits for another process's
            // transaction to end, up to `busyTimeout`, instead of failing at once with "database is locked".
            configuration.busyMode = .timeout(busyTimeout)
            configuration.prepareDatabase { db in
                StoreLog.keepFile(db)
                checkpointer.watch(db)
                // Debian's SQLite overwrites every freed page with zeros (SECURE_DELETE): dropping a cycle's
                // folded changes wrote them all again as zeros, to the log and then to the file. FAST still clears
                // deleted content on the pages a change writes anyway; the rows it removes are copies of what the
                // store keeps in row state.
                try db.execute(sql: "PRAGMA secure_delete = FAST")
            }
            pool = try DatabasePool(path: path, configuration: configuration)
            // Commits survive a crash of the process without waiting for the disk (NORMAL, which GRDB sets when it
            // turns WAL mode on); what capture confirms to a source is made to survive power loss first
            // (`makeDurable()`), once per confirmation instead of at every commit.
            try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
            // The store holds raw row values (personal data included): a new one is readable by its owner only. SQLite
            // gives its -wal and -shm files the database file's mode.
            if created {
                for file in [path, path + "-wal", path + "-shm"] where FileManager.default.fileExists(atPath: file) {
                    try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file)
                }
            }
        } catch {
            let failure = StoreError.sqlite(error, doing: "opening the store", code: .cannotOpen, path: path)
            guard failure.code == .cannotOpen else { throw failure }
            throw StoreError(
                code: .cannotOpen,
                message: "cannot open the store (\(error)); check store.path and that its folder is writable",
                path: path, underlying: error
            )
        }
        try migrate(pool, path: path)
        return ParityStore(path: path, pool: pool, checkpointer: checkpointer)
    }

    /// Reads every page of the store and checks its structure (`PRAGMA quick_check`); throws `.corrupt` naming the
    /// first problems. It reads the whole file (seconds for a store of millions of rows), so `verify --state` runs it,
    /// not every command.
    public func quickCheck() throws(StoreError) {
        let problems = try read { db in try String.fetchAll(db, sql: "PRAGMA quick_check(3)") }
        guard problems != ["ok"] else { return }
        throw .corrupt("PRAGMA quick_check found: \(problems.joined(separator: "; "))", path: path)
    }

    /// Names of the migrations applied to this store, oldest first.
    public func appliedMigrations() throws(StoreError) -> [String] {
        try read { db in try StoreMigrations.migrator().appliedMigrations(db) }
    }

    private static func migrate(_ pool: DatabasePool, path: String) throws(StoreError) {
        let migrator = StoreMigrations.migrator()
        let applied = try read(pool, path: path) { db in try migrator.appliedIdentifiers(db) }
        let unknown = applied.subtracting(StoreMigrations.all.map(\.name)).sorted()
        guard unknown.isEmpty else {
            throw StoreError(
                code: .newerSchema,
                message: "the store has migrations this Parity does not know (\(unknown.joined(separator: ", "))); "
                    + "run the Parity version that wrote it, or point store.path at a new file",
                path: path
            )
        }
        do {
            try migrator.migrate(pool)
        } catch {
            throw StoreError(
                code: .migrationFailed,
                message: "applying store migrations failed (\(error)); the store keeps its previous schema",
                path: path, underlying: error
            )
        }
    }

    /// Runs a read-only transaction.
    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        try Self.read(pool, path: path, body)
    }

    private static func read<T>(_ pool: DatabasePool, path: String, _ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try pool.read(body)
        } catch {
            throw StoreError.sqlite(error, doing: "reading the store", path: path)
        }
    }
}

extension ParityStore {
    /// Runs a write transaction: all of `body` commits, or none of it. Then, with `checkpointing`, a checkpoint when
    /// the log has grown past ``GuardedCheckpoint/threshold`` (what SQLite's automatic checkpoint did); without it, the
    /// log waits for a later commit (a fold, whose close checkpoints after its comparison). A checkpoint that cannot run
    /// now (another process writing for longer than the busy timeout) is tried again at a later commit.
    func write<T>(checkpointing: Bool = true, _ body: (Database) throws -> T) throws(StoreError) -> T {
        let result: T
        do {
            result = try pool.write(body)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.sqlite(error, doing: "writing the store", path: path)
        }
        if checkpointing, checkpointer.isDue { try? checkpointer.run(pool) }
        return result
    }
}
