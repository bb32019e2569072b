import ParityModel
import ParityStore
import PostgresClient

extension PostgresStore {
    /// Every mapping copied on either side, by side then mapping.
    public func mappingSources() throws(StoreError) -> [MappingSource] {
        try read { transaction in try Self.mappingSources(in: transaction) }
    }

    /// The cycle that first compared each mapping (every row of it).
    public func mappingBaselines() throws(StoreError) -> [String: Int64] {
        try read { transaction in try Self.mappingBaselines(in: transaction) }
    }

    /// Records that one side of a mapping was copied; its changes are applied from `copiedAt` on.
    public func recordMappingCopied(_ source: MappingSource) throws(StoreError) {
        try write { transaction in
            try transaction.execute("""
                INSERT INTO mapping_source (side, mapping, source_table, copied_at, snapshot_time, initialized_at)
                VALUES (\(source.side.rawValue), \(source.mapping), \(source.table), \(Int64(truncatingIfNeeded: source.copiedAt)),
                    \(source.snapshotTime), \(source.initializedAt))
                ON CONFLICT (side, mapping) DO UPDATE SET source_table = excluded.source_table, copied_at = excluded.copied_at,
                    snapshot_time = excluded.snapshot_time, initialized_at = excluded.initialized_at
                """)
        }
    }

    /// Removes a mapping's rows and changes on `sides`, and what was judged of it: its baseline, carried keys and open
    /// differences (resolved ones stay as history). A mapping copied again needs a baseline of its own.
    public func discardMapping(_ mapping: String, sides: [SourceSide]) throws(StoreError) {
        try write { transaction in
            for side in sides {
                try transaction.execute("DELETE FROM row_state WHERE \(rowStateOf: side, mapping: mapping)")
                for table in ["pending_change", "pending_truncate", "mapping_source"] {
                    try transaction.execute(PostgresQuery(
                        unsafeSQL: "DELETE FROM \(table) WHERE side = $1 AND mapping = $2", binds: [side.rawValue, mapping]))
                }
                try transaction.execute("""
                    DELETE FROM streamed_change WHERE mapping = \(mapping)
                        AND stream IN (SELECT stream FROM streamed_transaction WHERE side = \(side.rawValue))
                    """)
            }
            // Placed anew when next copied, unless a side it keeps still holds keys.
            if try !holdsKeys(mapping: mapping, in: transaction) {
                try transaction.execute("DELETE FROM key_placement WHERE mapping = \(mapping)")
            }
            try transaction.execute("DELETE FROM mapping_baseline WHERE mapping = \(mapping)")
            try transaction.execute("DELETE FROM carried_key WHERE mapping = \(mapping)")
            try transaction.execute("DELETE FROM difference WHERE mapping = \(mapping) AND resolved_cycle IS NULL")
        }
    }

    /// Places `mapping`'s keys by their canonical form under `normalizers` when it holds no rows or changes; returns the
    /// normalizers it is placed by.
    public func placeKeys(mapping: String, normalizers: [KeyNormalizer]) throws(StoreError) -> [KeyNormalizer] {
        try write { transaction in
            // One placing process at a time: another's record is seen once it commits.
            try transaction.execute("LOCK TABLE key_placement IN SHARE ROW EXCLUSIVE MODE")
            let placed = try placement(in: transaction).normalizers[mapping] ?? []
            guard placed != normalizers, try !holdsKeys(mapping: mapping, in: transaction) else { return placed }
            if normalizers.isEmpty {
                try transaction.execute("DELETE FROM key_placement WHERE mapping = \(mapping)")
            } else {
                try transaction.execute("""
                    INSERT INTO key_placement (mapping, normalizers) VALUES (\(mapping), \(try KeyPlacement.text(normalizers)))
                    ON CONFLICT (mapping) DO UPDATE SET normalizers = excluded.normalizers
                    """)
            }
            return normalizers
        }
    }

    /// By mapping, the key normalizers its keys are placed by.
    public func keyPlacements() throws(StoreError) -> [String: [KeyNormalizer]] {
        try read { transaction in try placement(in: transaction).normalizers }
    }

    /// Whether `mapping` holds rows or changes on either side.
    private func holdsKeys(mapping: String, in transaction: StoreTransaction) throws -> Bool {
        try transaction.value("""
            SELECT EXISTS (
                    SELECT 1 FROM row_state WHERE side_number IN (0, 1) AND mapping_number = mapping_number_of(\(mapping)) AND mapping = \(mapping))
                OR EXISTS (SELECT 1 FROM pending_change WHERE side IN ('legacy', 'new') AND mapping = \(mapping))
                OR EXISTS (SELECT 1 FROM streamed_change WHERE mapping = \(mapping))
            """) == "t"
    }

    static func mappingSources(in transaction: StoreTransaction) throws -> [MappingSource] {
        try transaction.rows("SELECT * FROM mapping_source ORDER BY side = 'new', side, mapping").map { row in
            try MappingSource(
                side: row.vocabulary("side"), mapping: row.text("mapping"), table: row["source_table"],
                copiedAt: UInt64(truncatingIfNeeded: row.int64("copied_at")), snapshotTime: row.int64("snapshot_time"),
                initializedAt: row.int64("initialized_at"))
        }
    }

    static func mappingBaselines(in transaction: StoreTransaction) throws -> [String: Int64] {
        var baselines: [String: Int64] = [:]
        for row in try transaction.rows("SELECT mapping, cycle FROM mapping_baseline") { baselines[try row.text("mapping")] = try row.int64("cycle") }
        return baselines
    }
}
