import Foundation
import ParityModel
import ParityStore
import ParityTestSupport
import PostgresClient
@testable import PostgresStore
import Testing

/// The first baseline loaded without `row_state`'s primary key (its one index), which is built once the rows are in.
@Suite("PostgreSQL store: the first baseline in bulk")
struct BulkBaselineTests {
    /// The names of `row_state`'s indexes on the parent table.
    static func indexes(_ database: SharedDatabase) throws -> Set<String> {
        let connection = try database.connect()
        defer { connection.close() }
        return Set(try connection.query("SELECT indexname FROM pg_indexes WHERE tablename = 'row_state'").rows.compactMap { $0["indexname"] })
    }

    static let keyIndexes: Set<String> = ["row_state_pkey"]

    /// Whether every partition of `row_state` has its primary key attached to the table's.
    static func everyPartitionKeyed(_ database: SharedDatabase) throws -> Bool {
        let connection = try database.connect()
        defer { connection.close() }
        let counts = try connection.query("""
            SELECT (SELECT count(*) FROM pg_inherits WHERE inhparent = 'row_state'::regclass) AS partitions,
                (SELECT count(*) FROM pg_inherits AS i JOIN pg_index AS x ON x.indexrelid = i.inhrelid
                 WHERE i.inhparent = 'row_state_pkey'::regclass AND x.indisprimary) AS attached
            """).singleRow()
        let partitions = try counts.decode(Int64.self, "partitions")
        let attached = try counts.decode(Int64.self, "attached")
        return partitions > 1 && partitions == attached
    }

    /// Each partition's storage settings, as `pg_class.reloptions` lists them.
    static func partitionSettings(_ database: SharedDatabase) throws -> Set<String> {
        let connection = try database.connect()
        defer { connection.close() }
        return Set(try connection.query("""
            SELECT coalesce(array_to_string(c.reloptions, ','), '') AS settings
            FROM pg_inherits AS i JOIN pg_class AS c ON c.oid = i.inhrelid WHERE i.inhparent = 'row_state'::regclass
            """).rows.map { try $0.decode(String.self, "settings") })
    }

    @Test("an empty store loads without its key indexes, builds them after, and a key copied twice keeps its last row")
    func loadsThenBuilds() throws {
        let test = try TestStore(partitions: 8)
        var during: Set<String> = []
        var settingsDuring: Set<String> = []
        let copied = try test.store.loadingFirstBaseline { () throws -> Int in
            during = try Self.indexes(test.database)
            settingsDuring = try Self.partitionSettings(test.database)
            try test.initialize(Dictionary(uniqueKeysWithValues: (0..<300).map { (String($0), "1.00") }))
            // The same keys copied again in a later batch: the source's key has no unique index.
            try test.store.insertBaseline(
                side: .legacy, mapping: "orders", rows: (0..<5).map { (key: [String($0)], values: ["id": String($0), "amount": "2.00"]) }, lsn: 100)
            return 300
        }
        #expect(copied == 300)
        #expect(during.isDisjoint(with: Self.keyIndexes), "\(during)")
        #expect(settingsDuring == ["fillfactor=85,autovacuum_enabled=off"], "autovacuum paused on every partition while it loads")
        #expect(try Self.partitionSettings(test.database) == ["fillfactor=85"], "and the server's settings back after")
        #expect(try Self.indexes(test.database).isSuperset(of: Self.keyIndexes))
        #expect(try Self.everyPartitionKeyed(test.database))
        let images = try test.store.currentImages(side: .legacy, mapping: "orders")
        #expect(images.count == 300)
        #expect(images[ExactText(TestStore.key("3"))]?["amount"] == "2.00")
        #expect(images[ExactText(TestStore.key("7"))]?["amount"] == "1.00")
        try test.store.checkIntegrity()
        // The indexes serve again: a copy taken again replaces rows instead of doubling them.
        try test.store.insertBaseline(side: .legacy, mapping: "orders", rows: [(key: ["7"], values: ["id": "7", "amount": "3.00"])], lsn: 100)
        #expect(try test.store.currentImages(side: .legacy, mapping: "orders")[ExactText(TestStore.key("7"))]?["amount"] == "3.00")
        #expect(try test.store.rowCount(side: .legacy, mapping: "orders") == 300)
    }

    @Test("a loader that died under an older Parity, some partitions keyed by the old columns, is repaired with the numbered key")
    func repairsAnOlderLoad() throws {
        let database = try SharedCluster.newDatabase("pgstore")
        let connection = try database.connect()
        defer { connection.close() }
        try connection.beginOlderStore(before: "009")
        try connection.execute(unsafeScript: """
            ALTER TABLE row_state DROP CONSTRAINT row_state_pkey;
            INSERT INTO store_info (key, value) VALUES ('row_state_indexes_dropped', 'baseline loading');
            INSERT INTO image_layout (columns) VALUES ('["amount"]');
            INSERT INTO row_state (part, side, mapping, row_key, row_values, commit_time, lsn) VALUES
                (1, 'legacy', 'orders', '["1"]', '[1,"1.00"]', 0, 100), (2, 'new', 'orders', '["1"]', '[1,"1.00"]', 0, 100);
            ALTER TABLE row_state_0 ADD CONSTRAINT row_state_0_pkey PRIMARY KEY (side, mapping, row_key, part);
            COMMIT;
            """)
        let store = try PostgresStore.open(url: database.url)
        #expect(try Self.everyPartitionKeyed(database))
        let keys = try connection.query("""
            SELECT pg_get_indexdef(x.indexrelid) AS key FROM pg_inherits AS i JOIN pg_index AS x ON x.indrelid = i.inhrelid
            WHERE i.inhparent = 'row_state'::regclass AND x.indisprimary
            """).rows.map { try $0.decode(String.self, "key").replacingOccurrences(of: #"^.*USING btree "#, with: "", options: .regularExpression) }
        #expect(keys.count == 16 && Set(keys) == ["(side_number, mapping_number, row_key, part, mapping)"], "every partition's key has the new columns")
        #expect(try store.rowCount(side: .legacy, mapping: "orders") == 1)
        #expect(try store.rowCount(side: .new, mapping: "orders") == 1)
        #expect(try connection.query("SELECT 1 FROM store_info WHERE key = 'row_state_indexes_dropped'").rows.isEmpty)
    }

    @Test("with rows in the store the indexes stay; a load that fails still builds them and its error passes through")
    func keepsOrRebuilds() throws {
        let test = try TestStore()
        try test.initialize(["1": "1.00"])
        var during: Set<String> = []
        try test.store.loadingFirstBaseline { during = try Self.indexes(test.database) }
        #expect(during.isSuperset(of: Self.keyIndexes))

        struct Refused: Error {}
        let empty = try TestStore()
        #expect(throws: Refused.self) { try empty.store.loadingFirstBaseline { throw Refused() } }
        #expect(try Self.indexes(empty.database).isSuperset(of: Self.keyIndexes))
    }

    @Test("a loader that died leaves its mark and the next open builds the indexes; a live loader's store is left alone")
    func repairsAfterADeadLoader() throws {
        let test = try TestStore()
        let loading = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let finished = DispatchSemaphore(value: 0)
        let loader = Thread {
            _ = try? test.store.loadingFirstBaseline {
                try test.initialize(["1": "1.00", "2": "2.00"])
                loading.signal()
                _ = release.wait(timeout: .now() + 120)
            }
            finished.signal()
        }
        loader.start()
        #expect(loading.wait(timeout: .now() + 120) == .success)
        // While the loader lives, opening the store leaves its indexes to it.
        _ = try PostgresStore.open(url: test.database.url)
        #expect(try Self.indexes(test.database).isDisjoint(with: Self.keyIndexes))
        release.signal()
        #expect(finished.wait(timeout: .now() + 120) == .success)
        #expect(try Self.indexes(test.database).isSuperset(of: Self.keyIndexes))

        // A loader that dies between dropping the indexes and attaching them, one partition's key built: its lock goes
        // with its session.
        let dead = try TestStore()
        let connection = try dead.database.connect()
        defer { connection.close() }
        _ = try connection.query("ALTER TABLE row_state DROP CONSTRAINT row_state_pkey")
        _ = try connection.query("ALTER TABLE row_state_3 SET (autovacuum_enabled = off)")
        _ = try connection.query("INSERT INTO store_info (key, value) VALUES ('row_state_indexes_dropped', 'baseline loading')")
        try dead.initialize(["1": "1.00"])
        _ = try connection.query("ALTER TABLE row_state_0 ADD CONSTRAINT row_state_0_pkey PRIMARY KEY (side_number, mapping_number, row_key, part, mapping)")
        let reopened = try PostgresStore.open(url: dead.database.url)
        #expect(try Self.indexes(dead.database).isSuperset(of: Self.keyIndexes))
        #expect(try Self.everyPartitionKeyed(dead.database))
        #expect(try Self.partitionSettings(dead.database) == ["fillfactor=85"], "autovacuum back on")
        #expect(try reopened.rowCount(side: .legacy, mapping: "orders") == 1)
        #expect(try connection.query("SELECT 1 FROM store_info WHERE key = 'row_state_indexes_dropped'").rows.isEmpty)
    }
}
