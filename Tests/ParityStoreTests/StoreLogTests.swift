import Foundation
import GRDB
@testable import ParityStore
import ParityTestSupport
import Testing

@Suite("The store's log: kept between commands, checkpointed only under the write lock")
struct StoreLogTests {
    let scratch: ScratchDirectory
    let path: String

    init() throws {
        scratch = try ScratchDirectory("log")
        path = scratch.file("parity.sqlite")
    }

    /// Opens the store and commits about 4 MB of rows (a log of a thousand pages).
    private func openAndFill() throws -> ParityStore {
        let store = try ParityStore.open(path: path)
        try store.write { db in try LogFiller.fill(db) }
        return store
    }

    /// Frames a new connection finds in the log and must replay: `wal_checkpoint`'s second figure.
    private func framesToRecover() throws -> Int {
        let queue = try DatabaseQueue.other(path)
        return try queue.writeWithoutTransaction { db in try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint")?[1] ?? -1 }
    }

    private func logSize() throws -> Int {
        try FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int ?? 0
    }

    @Test("a released store keeps its log file, and the next process has nothing in it to recover")
    func kept() throws {
        _ = try openAndFill()
        #expect(try logSize() > 4_000_000)
        #expect(try framesToRecover() <= 2)
    }

    @Test("the kept file is cut to the limit")
    func cut() throws {
        let store = try openAndFill()
        try store.checkpointer.run(store.pool)
        try store.pool.writeWithoutTransaction { db in try StoreLog.restart(db, keeping: 1 << 20) }
        #expect(try logSize() == 1 << 20)
    }

    @Test("a store file deleted without its log starts as a new, sound store (SQLite drops the log of an empty file)")
    func orphanedLog() throws {
        _ = try openAndFill()
        try FileManager.default.removeItem(atPath: path)
        let store = try ParityStore.open(path: path)
        #expect(try store.appliedMigrations() == StoreMigrations.all.map(\.name))
        let check = try store.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
        #expect(check == ["ok"])
        #expect(try store.read { db in try db.tableExists("filler") } == false)
    }

    @Test("a commit without checkpointing leaves its pages in the log (no automatic checkpoint); the guarded checkpoint copies them into the file")
    func guardedCheckpoint() throws {
        let store = try ParityStore.open(path: path)
        try store.write(checkpointing: false) { db in try LogFiller.fill(db) }
        let before = try fileSize()
        #expect(before < 1_000_000)
        try store.checkpointer.run(store.pool)
        #expect(try fileSize() > before + 4_000_000)
        #expect(try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM filler") } == 1000)
    }

    @Test("once the log holds a thousand frames, the next checkpointing commit checkpoints it")
    func checkpointWhenDue() throws {
        let store = try ParityStore.open(path: path)
        try store.write(checkpointing: false) { db in try LogFiller.fill(db) }
        let before = try fileSize()
        #expect(store.checkpointer.isDue)
        try store.write { db in try db.execute(sql: "CREATE TABLE marker (id INTEGER)") }
        #expect(try fileSize() > before + 4_000_000)
        #expect(!store.checkpointer.isDue)
    }

    private func fileSize() throws -> Int {
        try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0
    }
}
