import Dispatch
import ParityStore
import PostgresClient
import Synchronization

extension PostgresStore {
    /// The `store_info` key marking `row_state` without its primary key, while a first baseline loads.
    static let rowIndexesDropped = "row_state_indexes_dropped"

    /// Both sources at once: each copy writes through a session of its own, so the server's `COPY` of one runs while
    /// Parity encodes the other's next batch.
    public var loadsSourcesConcurrently: Bool { true }

    /// Loads the first baseline into an empty `row_state` without its primary key (its one index), then builds it:
    /// `COPY` appends to a bare heap and the index is built by one sort, instead of a random index position found for
    /// every row. A loader that dies leaves `store_info`'s mark, and the next ``open(url:passwordFile:partitions:)``
    /// builds the index. With rows in the store already, or another process loading, `body` runs with the index in place.
    public func loadingFirstBaseline<T>(_ body: () throws -> T) throws -> T {
        guard let lease = try dropRowIndexes() else { return try body() }
        let loaded = Result { try body() }
        do {
            try buildRowIndexes()
        } catch {
            // A failed load's error says more; its mark stays for the next open.
            if case .success = loaded { throw error }
        }
        withExtendedLifetime(lease) {}
        return try loaded.get()
    }

    /// Drops `row_state`'s primary key when it holds no row, under the baseline-load lock; returns the lock then.
    private func dropRowIndexes() throws(StoreError) -> AdvisoryLease? {
        guard let lease = try AdvisoryLease.acquire(.baselineLoad, options: options, holder: "parity init", wait: false, location: location).lease
        else { return nil }
        let dropped = try write { transaction in
            try transaction.execute("LOCK TABLE row_state IN ACCESS EXCLUSIVE MODE")
            guard try transaction.value("SELECT 1 FROM row_state LIMIT 1") == nil,
                  try !Self.rowIndexesMarked(in: transaction)
            else { return false }
            try transaction.execute("ALTER TABLE row_state DROP CONSTRAINT row_state_pkey")
            try Self.setAutovacuum(enabled: false, in: transaction)
            try transaction.execute("INSERT INTO store_info (key, value) VALUES (\(Self.rowIndexesDropped), 'baseline loading')")
            return true
        }
        return dropped ? lease : nil
    }

    /// Builds `row_state`'s primary key if a bulk load dropped it, and clears the mark. Each partition's key is built on
    /// its own, by as many sessions at once as the server's `max_parallel_maintenance_workers` allows (at least two),
    /// then the table's key attaches them (built by one statement on the table, the partitions' keys would be built one
    /// after another). A key copied twice (a source key no unique index covers) keeps its row copied last, as an upsert
    /// would have.
    func buildRowIndexes() throws(StoreError) {
        let plan = try read { transaction -> (partitions: [PartitionKey], builders: Int)? in
            guard try Self.rowIndexesMarked(in: transaction) else { return nil }
            // Partitions keyed already were built by a loader that died before attaching them.
            let partitions = try transaction.rows("""
                SELECT quote_ident(c.relname) AS partition, quote_ident(c.relname || '_pkey') AS key
                FROM pg_inherits AS i JOIN pg_class AS c ON c.oid = i.inhrelid
                WHERE i.inhparent = 'row_state'::regclass
                    AND NOT EXISTS (SELECT 1 FROM pg_index AS x WHERE x.indrelid = c.oid AND x.indisprimary)
                ORDER BY c.relname
                """).map { PartitionKey(table: try $0.text("partition"), name: try $0.text("key")) }
            let budget = Int(try transaction.value("SELECT current_setting('max_parallel_maintenance_workers')") ?? "") ?? 0
            return (partitions, max(2, budget))
        }
        guard let plan else { return }
        let next = Mutex(plan.partitions.makeIterator())
        let failure = Mutex<StoreError?>(nil)
        DispatchQueue.concurrentPerform(iterations: min(plan.builders, plan.partitions.count)) { _ in
            while failure.withLock({ $0 == nil }), let partition = next.withLock({ $0.next() }) {
                do throws(StoreError) {
                    try buildPrimaryKey(ofPartition: partition)
                } catch {
                    failure.withLock { $0 = $0 ?? error }
                }
            }
        }
        if let error = failure.withLock({ $0 }) { throw error }
        try write { transaction in
            guard try Self.rowIndexesMarked(in: transaction) else { return }
            // Attaches the partitions' keys: nothing is built again.
            try transaction.execute(
                PostgresQuery(unsafeSQL: "ALTER TABLE row_state ADD CONSTRAINT row_state_pkey PRIMARY KEY \(Self.primaryKeyColumns)"))
            try transaction.execute("DELETE FROM store_info WHERE key = \(Self.rowIndexesDropped)")
            try transaction.execute("ANALYZE row_state")
            try Self.setAutovacuum(enabled: true, in: transaction)
        }
    }

    /// Pauses autovacuum on `row_state`'s partitions while a first baseline loads (`enabled` false), or gives them the
    /// server's settings back. Started on a partition the load is filling, autovacuum vacuums and analyzes it on the cores
    /// the load uses (the load analyzes at its end), and a key build or the table's key waits for it.
    private static func setAutovacuum(enabled: Bool, in transaction: StoreTransaction) throws {
        let setting = enabled ? "RESET (autovacuum_enabled)" : "SET (autovacuum_enabled = off)"
        for row in try transaction.rows("SELECT inhrelid::regclass::text AS partition FROM pg_inherits WHERE inhparent = 'row_state'::regclass") {
            try transaction.execute(PostgresQuery(unsafeSQL: "ALTER TABLE \(try row.text("partition")) \(setting)"))
        }
    }

    /// `row_state`'s primary key (migration 009), which upserts into it name as their conflict target. A partition's key
    /// and the table's name the same columns in the same order, or the table's key would not attach the partitions' keys
    /// but build each again.
    static let primaryKeyColumns = "(side_number, mapping_number, row_key, part, mapping)"

    /// A partition of `row_state` and the name of its primary key (as the table's key names it), both quoted for SQL.
    private struct PartitionKey: Sendable {
        var table: String
        var name: String
    }

    /// Builds one partition's primary key in a transaction of its own and one process (the sessions building the others
    /// share the server's cores).
    private func buildPrimaryKey(ofPartition partition: PartitionKey) throws(StoreError) {
        try write { transaction in
            let table = partition.table
            let primaryKey = PostgresQuery(
                unsafeSQL: "ALTER TABLE \(table) ADD CONSTRAINT \(partition.name) PRIMARY KEY \(Self.primaryKeyColumns)")
            try transaction.execute("SET LOCAL max_parallel_maintenance_workers = 0")
            try transaction.execute("SAVEPOINT row_state_pkey")
            do {
                try transaction.execute(primaryKey)
            } catch let error as PostgresError where error.sqlState == "23505" {
                try transaction.execute("ROLLBACK TO SAVEPOINT row_state_pkey")
                // One partition holds a key's rows, and a heap filled by COPY alone keeps them in the order copied.
                try transaction.execute(PostgresQuery(unsafeSQL: """
                    DELETE FROM \(table) AS r USING (
                        SELECT part, side, mapping, row_key, max(ctid) AS last FROM \(table) GROUP BY 1, 2, 3, 4 HAVING count(*) > 1
                    ) AS copied
                    WHERE r.part = copied.part AND r.side = copied.side AND r.mapping = copied.mapping AND r.row_key = copied.row_key
                        AND r.ctid <> copied.last
                    """))
                try transaction.execute(primaryKey)
            }
        }
    }

    /// Builds the primary key a bulk load that died left dropped (no process holds the baseline-load lock).
    func repairRowIndexes() throws(StoreError) {
        let marked = try read { transaction in try Self.rowIndexesMarked(in: transaction) }
        guard marked,
              let lease = try AdvisoryLease.acquire(.baselineLoad, options: options, holder: "parity store open", wait: false, location: location).lease
        else { return }
        try buildRowIndexes()
        withExtendedLifetime(lease) {}
    }

    /// Whether `store_info` marks `row_state`'s primary key as dropped by a bulk load.
    private static func rowIndexesMarked(in transaction: StoreTransaction) throws -> Bool {
        try transaction.value("SELECT 1 FROM store_info WHERE key = \(rowIndexesDropped)") != nil
    }
}
