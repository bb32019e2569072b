import Foundation
import ParityModel
import ParityStore
import ParityTestSupport
import PostgresClient
@testable import PostgresStore
import Testing

/// What the PostgreSQL store promises beyond the protocols: keys hashed into the parts fixed at creation, row streams
/// that do not load a mapping into memory, refusal of a newer schema, and no password in any message.
@Suite("PostgreSQL store")
struct StoreTests {
    @Test("every row sits in the part of its key, P fixed when the store was created")
    func parts() throws {
        let test = try TestStore(partitions: 8)
        let ids = (0..<200).map(String.init)
        try test.initialize(Dictionary(uniqueKeysWithValues: ids.map { ($0, "1.00") }))
        #expect(test.store.partitions.count == 8)
        let connection = try test.database.connect()
        defer { connection.close() }
        let rows = try connection.query("SELECT part, row_key FROM row_state").rows
        #expect(rows.count == 200)
        #expect(try rows.allSatisfy { try $0.decode(Int.self, "part") == KeyPartition(count: 8).part(of: $0.decode(String.self, "row_key")) })
        #expect(Set(try rows.map { try $0.decode(Int.self, "part") }).count == 8, "200 keys reach every one of 8 parts")
        let reopened = try PostgresStore.open(url: test.database.url, partitions: 64)
        #expect(reopened.partitions.count == 8, "an existing store keeps its P")
        try reopened.checkIntegrity()
    }

    @Test("a mapping's rows stream in key byte order across many cursor batches")
    func streamedRows() throws {
        let test = try TestStore()
        let ids = (0..<4_500).map { String($0, radix: 7) + ($0 % 3 == 0 ? "é" : "") }
        try test.initialize(Dictionary(uniqueKeysWithValues: ids.map { ($0, "1.00") }))
        let keys = try test.store.withClosedState { try $0.keys(side: .legacy, mapping: "orders") }
        #expect(keys == ids.map(TestStore.key).sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
    }

    @Test("a reader on another thread goes on during a close, in a session of its own, and sees the store as before it")
    func readerBesideClose() throws {
        final class Seen: @unchecked Sendable { var cycles = -1 }
        let test = try TestStore()
        let seen = Seen()
        let done = DispatchSemaphore(value: 0)
        try test.store.closeCycle(id: 0, foldBefore: nil) { _ in
            Thread {
                seen.cycles = (try? test.store.cycles().count) ?? -2
                done.signal()
            }.start()
            #expect(done.wait(timeout: .now() + 30) == .success, "the reader waited for the close")
            return CycleClose(cycle: CycleRecord(id: 0, label: "baseline", start: 0, end: 0, status: .closed, closedAt: 1, keysCompared: 0,
                                                 unexplainedRate: "0"), tables: [], findings: [], carried: [])
        }
        #expect(seen.cycles == 0)
        #expect(try test.store.cycles().count == 1)
    }

    @Test("a store with a migration this Parity does not know is refused")
    func newerSchema() throws {
        let test = try TestStore()
        let connection = try test.database.connect()
        defer { connection.close() }
        try connection.query("INSERT INTO store_migration (name) VALUES ('999_from_the_future')")
        let refused = #expect(throws: StoreError.self) { try PostgresStore.open(url: test.database.url) }
        #expect(refused?.code == .newerSchema)
        #expect(refused?.description.contains("999_from_the_future") == true)
    }

    @Test("a store an older Parity created gains the later migrations when opened, and a close task's fold reads its parts by index")
    func laterMigration() throws {
        let test = try TestStore()
        try test.initialize(["1": "1.00", "2": "2.00"])
        let connection = try test.database.connect()
        defer { connection.close() }
        try connection.query("DROP INDEX pending_change_by_part_time")
        try connection.query("DELETE FROM store_migration WHERE name = '003_pending_change_by_part'")
        let reopened = try PostgresStore.open(url: test.database.url)
        #expect(try reopened.rowCount(side: .legacy, mapping: "orders") == 2)
        #expect(try connection.query("SELECT count(*) AS n FROM store_migration WHERE name = '003_pending_change_by_part'").singleRow()
            .decode(Int.self, "n") == 1)
        try connection.query("""
            INSERT INTO pending_change (part, side, mapping, row_key, commit_lsn, seq, op, xid, commit_time, row_values)
            SELECT g % 1024, 'legacy', 'orders', '["' || g || '"]', 1000 + g, 0, 'update', 7, 5000 + g, NULL FROM generate_series(1, 50000) AS g
            """)
        try connection.query("ANALYZE pending_change")
        let plan = try connection.query("EXPLAIN DELETE FROM pending_change WHERE commit_time < 6000 AND part BETWEEN 0 AND 63").rows
            .compactMap { $0.values.first ?? nil }.joined(separator: "\n")
        #expect(plan.contains("part_commit_time_idx") && !plan.contains("Seq Scan"), "\(plan)")
    }

    @Test("the store URL's password reaches no message")
    func password() throws {
        let test = try TestStore()
        let url = "postgres://postgres:hunter2@127.0.0.1:\(test.database.cluster.port)/no_such_database"
        let refused = #expect(throws: StoreError.self) { try PostgresStore.open(url: url) }
        #expect(refused?.code == .cannotOpen)
        #expect(refused.map { !"\($0) \($0.message) \($0.path) \(String(describing: $0.underlying))".contains("hunter2") } == true)
        let opened = try PostgresStore.open(url: test.database.url.replacingOccurrences(of: "postgres@", with: "postgres:hunter2@"))
        #expect(!opened.location.contains("hunter2") && opened.location.contains(test.database.name))
    }

    @Test("a connection string's password, quoted or not, is cut from the store's location", arguments: [
        "host=db dbname=parity user=parity password=hunter2", "host=db password='hunter2 and more' dbname=parity user=parity",
        "postgresql://parity:hunter2@db/parity?sslmode=require&password=hunter2",
    ])
    func redactedLocation(_ url: String) {
        let location = StoreURL.redacted(url)
        #expect(!location.contains("hunter2") && !location.contains("more") && location.contains("parity"))
    }
}
