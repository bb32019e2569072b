import GRDB
import ParityModel

extension ParityStore {
    /// Every mapping copied on either side, by side then mapping.
    public func mappingSources() throws(StoreError) -> [MappingSource] {
        try read { db in try Self.mappingSources(db) }
    }

    /// The cycle that first compared each mapping (every row of it).
    public func mappingBaselines() throws(StoreError) -> [String: Int64] {
        try read { db in try Self.mappingBaselines(db) }
    }

    /// Records that one side of a mapping was copied; its changes are applied from `copiedAt` on.
    public func recordMappingCopied(_ source: MappingSource) throws(StoreError) {
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO mapping_source (side, mapping, source_table, copied_at, snapshot_time, initialized_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (side, mapping) DO UPDATE SET source_table = excluded.source_table, copied_at = excluded.copied_at,
                        snapshot_time = excluded.snapshot_time, initialized_at = excluded.initialized_at
                    """,
                arguments: [source.side, source.mapping, source.table, Int64(truncatingIfNeeded: source.copiedAt), source.snapshotTime,
                            source.initializedAt])
        }
    }

    /// Removes a mapping's rows and changes on `sides`, and what was judged of it: its baseline, carried keys and open
    /// differences (resolved ones stay as history). A mapping copied again needs a baseline of its own.
    public func discardMapping(_ mapping: String, sides: [SourceSide]) throws(StoreError) {
        try write { db in
            for side in sides {
                for table in ["row_state", "row_delta", "pending_change", "mapping_source"] {
                    try db.execute(sql: "DELETE FROM \(table) WHERE side = ? AND mapping = ?", arguments: [side, mapping])
                }
                try db.execute(
                    sql: "DELETE FROM streamed_change WHERE mapping = ? AND stream IN (SELECT stream FROM streamed_transaction WHERE side = ?)",
                    arguments: [mapping, side])
            }
            try db.execute(sql: "DELETE FROM mapping_baseline WHERE mapping = ?", arguments: [mapping])
            try db.execute(sql: "DELETE FROM carried_key WHERE mapping = ?", arguments: [mapping])
            try db.execute(sql: "DELETE FROM difference WHERE mapping = ? AND resolved_cycle IS NULL", arguments: [mapping])
            try RowDelta.countStateRows(db)
        }
    }

    static func mappingSources(_ db: Database) throws -> [MappingSource] {
        try Row.fetchAll(db, sql: "SELECT * FROM mapping_source ORDER BY side = 'new', side, mapping").map { row in
            try MappingSource(
                side: row.vocabulary("side"), mapping: row["mapping"], table: row["source_table"],
                copiedAt: UInt64(truncatingIfNeeded: row["copied_at"] as Int64), snapshotTime: row["snapshot_time"],
                initializedAt: row["initialized_at"])
        }
    }

    static func mappingBaselines(_ db: Database) throws -> [String: Int64] {
        var baselines: [String: Int64] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT mapping, cycle FROM mapping_baseline") { baselines[row["mapping"]] = row["cycle"] }
        return baselines
    }

    /// Where each mapping of `side` was copied: a change of a transaction whose commit starts before it is in the copy.
    static func copiedAt(_ db: Database, side: SourceSide) throws -> [String: Int64] {
        var positions: [String: Int64] = [:]
        let rows = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT mapping, copied_at FROM mapping_source WHERE side = ?"), arguments: [side])
        for row in rows { positions[row["mapping"]] = row["copied_at"] }
        return positions
    }
}
