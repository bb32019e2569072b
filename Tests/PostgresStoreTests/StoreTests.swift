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

    @Test("two mappings whose names share a number in row_state's key keep their rows apart")
    func sharedMappingNumber() throws {
        let test = try TestStore()
        try test.initialize()
        // hashtext('m11320') = hashtext('m73331'): found among 300,000 names, as two of a store's mappings could be.
        let mappings = ["m11320", "m73331"]
        let connection = try test.database.connect()
        defer { connection.close() }
        #expect(try connection.query("SELECT count(DISTINCT mapping_number_of(m)) AS n FROM (VALUES ('m11320'), ('m73331')) AS v(m)")
            .singleRow().decode(Int.self, "n") == 1)
        for (index, mapping) in mappings.enumerated() {
            try test.store.insertBaseline(
                side: .legacy, mapping: mapping, rows: [(key: ["1"], values: ["id": "1", "amount": "\(index + 1).00"])], lsn: 100)
        }
        for (index, mapping) in mappings.enumerated() {
            #expect(try test.store.rowCount(side: .legacy, mapping: mapping) == 1)
            #expect(try test.store.currentImages(side: .legacy, mapping: mapping)[ExactText(TestStore.key("1"))]?["amount"] == "\(index + 1).00")
            let image = try test.store.withClosedState { try $0.image(side: .legacy, mapping: mapping, rowKey: TestStore.key("1")) }
            #expect(image?["amount"] == "\(index + 1).00", "\(mapping)")
        }
        try test.store.discardMapping("m73331", sides: [.legacy])
        #expect(try test.store.rowCount(side: .legacy, mapping: "m73331") == 0)
        #expect(try test.store.rowCount(side: .legacy, mapping: "m11320") == 1)
        try test.store.checkIntegrity()
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

    @Test("a store an older Parity created gains the later migrations when opened: its rows move to partitions by task range, a close's keys and rows into folded_key")
    func laterMigration() throws {
        let database = try SharedCluster.newDatabase("pgstore")
        let connection = try database.connect()
        defer { connection.close() }
        // The store as the first three migrations left it (row tables hashed into 16 partitions, P = 64), holding a
        // cycle whose close left a tombstone, a live folded row and a baseline row, a pending change and a difference.
        #expect(try connection.beginOlderStore(before: "004") == 3)
        try connection.execute(unsafeScript: """
            INSERT INTO image_layout (columns) VALUES ('["amount"]');
            INSERT INTO cycle (id, label, start_time, end_time, status, closed_at, keys_compared, unexplained_rate)
                VALUES (3, 'cycle 3', 0, 10, 'closed', 11, 3, '0');
            INSERT INTO row_state (part, side, mapping, row_key, row_values, commit_time, lsn, folded_by, events) VALUES
                (18, 'legacy', 'orders', '["1"]', '[1,"1.00"]', 0, 100, NULL, NULL),
                (27, 'legacy', 'orders', '["2"]', '[1,"2.00"]', 7, 200, 3, 2),
                (12, 'new', 'orders', '["3"]', NULL, 8, 300, 3, 4);
            INSERT INTO pending_change (part, side, mapping, row_key, commit_lsn, seq, op, xid, commit_time, row_values)
                VALUES (45, 'legacy', 'orders', '["4"]', 400, 0, 'insert', 9, 20, '[1,"4.00"]');
            INSERT INTO source_state (side, slot, publications, system_identifier, database, consistent_point, checkpoint_lsn, watermark, initialized_at)
                VALUES ('legacy', 'parity_legacy', '["parity_legacy"]', '7300000000000000001', 'legacy', 100, 400, 20, 1);
            INSERT INTO difference (part, mapping, canonical_key, column_name, row_key, kind, first_seen, last_seen)
                VALUES (38, 'orders', '["5"]', 'amount', '["5"]', 'value_mismatch', 1, 3);
            COMMIT;
            """)

        let reopened = try PostgresStore.open(url: database.url)
        #expect(reopened.partitions.count == 64)
        let unfoldedSince = { () throws -> Int64? in
            try connection.query("SELECT unfolded_since FROM source_state WHERE side = 'legacy'").singleRow().decode(Int64?.self, "unfolded_since")
        }
        #expect(try unfoldedSince() == 20, "migration 012: the oldest pending change")
        let applied = try connection.query("SELECT name FROM store_migration ORDER BY name").rows.map { try $0.decode(String.self, "name") }
        #expect(applied == PostgresMigrations.all.map(\.name))
        for table in ["row_state", "pending_change", "difference"] {
            let bounds = try connection.query("""
                SELECT pg_get_expr(c.relpartbound, c.oid) AS bound FROM pg_inherits AS i JOIN pg_class AS c ON c.oid = i.inhrelid
                WHERE i.inhparent = \(table)::regclass ORDER BY c.oid
                """).rows.map { try $0.decode(String.self, "bound") }
            // P = 64 into 16 ranges of 4 parts: the close's tasks (PostgresStore.taskRanges).
            #expect(bounds.count == 16 && bounds.first == "FOR VALUES FROM (MINVALUE) TO (4)" && bounds.last == "FOR VALUES FROM (60) TO (MAXVALUE)", "\(table): \(bounds)")
            #expect(bounds.dropFirst().dropLast().map { $0 } == reopened.taskRanges.dropFirst().dropLast().map {
                "FOR VALUES FROM (\($0.lowerBound)) TO (\($0.upperBound + 1))"
            }, "\(table)")
        }
        #expect(try connection.query("SELECT count(*) AS n FROM row_state").singleRow().decode(Int.self, "n") == 3)
        // One index on row_state, in key order within a partition, led by the numbers of its side and mapping.
        let indexes = try connection.query("SELECT indexdef FROM pg_indexes WHERE tablename = 'row_state'").rows.map { try $0.decode(String.self, "indexdef") }
        #expect(indexes.count == 1 && indexes.first?.hasSuffix("(side_number, mapping_number, row_key, part, mapping)") == true, "\(indexes)")
        let numbers = try connection.query("SELECT DISTINCT side, side_number, mapping_number = hashtext(mapping) AS hashed FROM row_state ORDER BY side").rows
            .map { "\(try $0.decode(String.self, "side")) \(try $0.decode(Int.self, "side_number")) \(try $0.decode(Bool.self, "hashed"))" }
        #expect(numbers == ["legacy 0 true", "new 1 true"])
        #expect(try connection.query("SELECT count(*) AS n FROM pending_change").singleRow().decode(Int.self, "n") == 1)
        #expect(try connection.query("SELECT count(*) AS n FROM difference").singleRow().decode(Int.self, "n") == 1)
        let folded = try connection.query("SELECT row_key, cycle, row_values, commit_time, events FROM folded_key ORDER BY row_key").rows.map {
            "\(try $0.decode(String.self, "row_key")) \(try $0.decode(Int64.self, "cycle")) "
                + "\(try $0.decode(String?.self, "row_values") ?? "deleted") \(try $0.decode(Int64.self, "commit_time")) \(try $0.decode(Int.self, "events"))"
        }
        #expect(folded == [#"["2"] 3 [1,"2.00"] 7 2"#, #"["3"] 3 deleted 8 4"#], "the keys cycle 3 folded, with the rows it wrote")
        #expect(try reopened.rowCount(side: .legacy, mapping: "orders") == 2)
        try reopened.checkIntegrity()

        // A task's fold reads and writes one partition.
        let plan = try connection.query("EXPLAIN DELETE FROM pending_change WHERE commit_time < 6000 AND part BETWEEN 4 AND 7").rows
            .compactMap { $0.values.first ?? nil }.joined(separator: "\n")
        #expect(plan.contains("pending_change_1 ") && !plan.contains("pending_change_0 ") && !plan.contains("pending_change_2 "), "\(plan)")
        // The next close (no truncate) compares without folding: its change stays pending, row state and the list as
        // they were. Folding the closed changes then writes it and drops the tombstone the list names, with the list.
        let rows = { () throws -> [String] in
            try connection.query("SELECT row_key FROM row_state ORDER BY row_key").rows.map { try $0.decode(String.self, "row_key") }
        }
        let listed = { () throws -> Int in try connection.query("SELECT count(*) AS n FROM folded_key").singleRow().decode(Int.self, "n") }
        var keys: [String] = []
        try reopened.closeCycle(id: 4, foldBefore: 30) { reader in
            keys = try reader.keys(side: .legacy, mapping: "orders")
            return CycleClose(cycle: CycleRecord(id: 4, label: "cycle 4", start: 10, end: 30, status: .closed, closedAt: 31, keysCompared: 0,
                                                 unexplainedRate: "0"), tables: [], findings: [], carried: [])
        }
        #expect(keys == [#"["1"]"#, #"["2"]"#, #"["4"]"#], "the close read the state as of its end")
        #expect(try rows() == [#"["1"]"#, #"["2"]"#, #"["3"]"#] && listed() == 2)
        #expect(try reopened.foldClosedChanges() == 1)
        #expect(try rows() == [#"["1"]"#, #"["2"]"#, #"["4"]"#] && listed() == 0 && unfoldedSince() == nil)
        #expect(try connection.query("SELECT count(*) AS n FROM pending_change").singleRow().decode(Int.self, "n") == 0)
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
