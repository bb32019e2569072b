import ParityStore
import PostgresClient

/// The PostgreSQL store's schema history: `migrations/postgres/NNN_name.sql`, embedded at build time, each applied
/// once and recorded by name in `store_migration`. The pending ones apply in one transaction (PostgreSQL's DDL is
/// transactional): a failure leaves the store at its previous schema.
public enum PostgresMigrations {
    /// Every migration this binary knows, oldest first.
    public static let all: [(name: String, sql: String)] = embeddedMigrations

    /// The advisory lock key migrations run under, so two processes opening a new store do not both create it.
    static let lockKey: Int64 = 0x7061_7269_7479_0001

    /// Applies the migrations `session`'s store lacks; refuses a store with one this binary does not know. A new store
    /// hashes keys into `partitions` parts (its first migration records the count).
    static func migrate(_ session: StoreSession, partitions: Int) throws(StoreError) {
        try session.write { transaction in
            try transaction.execute("SELECT pg_advisory_xact_lock(\(lockKey))")
            try transaction.execute("""
                CREATE TABLE IF NOT EXISTS store_migration (
                    name       text PRIMARY KEY,
                    applied_at timestamptz NOT NULL DEFAULT now()
                )
                """)
            let applied = Set(try transaction.rows("SELECT name FROM store_migration").map { try $0.text("name") })
            let unknown = applied.subtracting(all.map(\.name)).sorted()
            guard unknown.isEmpty else {
                throw StoreError(
                    code: .newerSchema,
                    message: "the store has migrations this Parity does not know (\(unknown.joined(separator: ", "))); "
                        + "run the Parity version that wrote it, or point store.url at a new database",
                    path: session.location)
            }
            try transaction.execute("SELECT set_config('parity.partitions', \(String(partitions)), true)")
            for migration in all where !applied.contains(migration.name) {
                do {
                    try transaction.script(migration.sql)
                } catch {
                    throw StoreError(
                        code: .migrationFailed,
                        message: "applying store migration \(migration.name) failed (\(error)); the store keeps its previous schema",
                        path: session.location, underlying: error)
                }
                try transaction.execute("INSERT INTO store_migration (name) VALUES (\(migration.name))")
            }
        }
    }
}
