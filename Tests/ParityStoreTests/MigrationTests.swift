import Foundation
import GRDB
@testable import ParityStore
import Testing

@Suite("Store migrations")
struct MigrationTests {
    let path = NSTemporaryDirectory() + "parity-store-\(UUID().uuidString)/parity.sqlite"

    @Test("a fresh store gets every migration, in order, in WAL mode")
    func fresh() throws {
        let store = try ParityStore.open(path: path)
        #expect(try store.appliedMigrations() == StoreMigrations.all.map(\.name))
        #expect(StoreMigrations.all.map(\.name) == StoreMigrations.all.map(\.name).sorted())
        #expect(StoreMigrations.all.first?.name == "001_store_info")
        let mode = try store.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
        let created = try store.read { db in try String.fetchOne(db, sql: "SELECT value FROM store_info WHERE key = 'created_at'") }
        #expect(created != nil)
    }

    @Test("the writer commits without waiting for the disk until made durable; no connection rewrites freed pages as zeros")
    func connectionSettings() throws {
        let store = try ParityStore.open(path: path)
        let writer = try store.write(Self.settings)
        #expect(writer.synchronous == 1)  // NORMAL: capture makes what it confirms durable (makeDurable)
        #expect(writer.secureDelete == 2)  // FAST
        #expect(try store.read(Self.settings).secureDelete == 2)
        try store.makeDurable()
        #expect(try store.write(Self.settings).synchronous == 1)  // back to NORMAL after the durable commit
        let synced = try store.read { db in try Int64.fetchOne(db, sql: "SELECT value FROM store_info WHERE key = 'durable_at'") }
        #expect(synced != nil)
    }

    private static func settings(_ db: Database) throws -> (synchronous: Int?, secureDelete: Int?) {
        (try Int.fetchOne(db, sql: "PRAGMA synchronous"), try Int.fetchOne(db, sql: "PRAGMA secure_delete"))
    }

    @Test("re-opening applies nothing twice")
    func rerun() throws {
        let first = try ParityStore.open(path: path)
        let created = try first.read { db in try String.fetchOne(db, sql: "SELECT value FROM store_info WHERE key = 'created_at'") }
        let second = try ParityStore.open(path: path)
        #expect(try second.appliedMigrations() == StoreMigrations.all.map(\.name))
        let keys = try second.read { db in try String.fetchAll(db, sql: "SELECT key FROM store_info ORDER BY key") }
        #expect(keys == ["created_at", "row_state_rows"])
        #expect(try second.read { db in try String.fetchOne(db, sql: "SELECT value FROM store_info WHERE key = 'created_at'") } == created)
    }

    @Test("a store written by a newer Parity is refused with a clear error")
    func newerSchemaRefused() throws {
        _ = try ParityStore.open(path: path)
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('999_from_the_future')") }
        try queue.close()
        let error = #expect(throws: StoreError.self) { _ = try ParityStore.open(path: path) }
        #expect(error?.code == .newerSchema)
        #expect(error?.description.contains("999_from_the_future") == true)
        #expect(error?.description.contains(path) == true)
    }

    @Test("a store that cannot be created says where and what to check")
    func unwritable() {
        let error = #expect(throws: StoreError.self) { _ = try ParityStore.open(path: "/proc/parity/store.sqlite") }
        #expect(error?.code == .cannotOpen)
        #expect(error?.description.contains("store.path") == true)
    }
}
