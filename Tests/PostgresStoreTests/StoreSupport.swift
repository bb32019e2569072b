import ParityModel
import ParityStore
import ParityTestSupport
import PostgresClient
@testable import PostgresStore

/// A PostgreSQL store in a database of its own, with the fixtures these tests write.
struct TestStore {
    let database: SharedDatabase
    let store: PostgresStore

    init(partitions: Int = PostgresStore.defaultPartitions) throws {
        database = try SharedCluster.newDatabase("pgstore")
        store = try PostgresStore.open(url: database.url, partitions: partitions)
    }

    /// Records the legacy source initialized at position 100, with `rows` (id → amount) as its `orders` baseline.
    func initialize(_ rows: [String: String] = [:]) throws {
        try store.recordInitialized(SourceRecord(
            side: .legacy, slot: "parity_legacy", publications: ["parity_legacy"], systemIdentifier: "7300000000000000001", database: "legacy",
            consistentPoint: 100, checkpointLSN: 100, watermark: 0, initializedAt: 1))
        try store.insertBaseline(
            side: .legacy, mapping: "orders", rows: rows.map { (key: [$0.key], values: ["id": $0.key, "amount": $0.value, "note": "n\($0.key)"]) },
            lsn: 100)
    }

    /// The canonical key text of `orders` row `id`.
    static func key(_ id: String) -> String { RowJSON.key([id]) }
}

extension PostgresConnection {
    /// Creates a store as a Parity knowing only the migrations named before `migration` left it (P = 64), in a
    /// transaction left open for the caller to add rows and commit; returns how many migrations it applied.
    @discardableResult
    func beginOlderStore(before migration: String) throws -> Int {
        let older = PostgresMigrations.all.filter { $0.name < migration }
        try execute(unsafeScript: "BEGIN; SELECT set_config('parity.partitions', '64', true);")
        try query("CREATE TABLE store_migration (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())")
        for migration in older {
            try execute(unsafeScript: migration.sql)
            try query("INSERT INTO store_migration (name) VALUES (\(migration.name))")
        }
        return older.count
    }
}
