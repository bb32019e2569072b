import ParityModel
import ParityStore
import PostgresClient

extension PostgresStore {
    /// Every closed cycle, oldest first.
    public func cycles() throws(StoreError) -> [CycleRecord] {
        try read { transaction in try transaction.rows("SELECT * FROM cycle ORDER BY id").map(CycleRecord.init(row:)) }
    }

    /// The last closed cycle, or nil before the baseline.
    public func latestCycle() throws(StoreError) -> CycleRecord? {
        try read { transaction in try transaction.row("SELECT * FROM cycle ORDER BY id DESC LIMIT 1").map(CycleRecord.init(row:)) }
    }

    /// One closed cycle, or nil.
    public func cycle(id: Int64) throws(StoreError) -> CycleRecord? {
        try read { transaction in try transaction.row("SELECT * FROM cycle WHERE id = \(id)").map(CycleRecord.init(row:)) }
    }

    /// The counts per table mapping of a closed cycle, by mapping name.
    public func cycleTables(cycle: Int64) throws(StoreError) -> [CycleTableRecord] {
        try read { transaction in
            try transaction.rows("SELECT * FROM cycle_table WHERE cycle = \(cycle) ORDER BY mapping COLLATE \"C\"").map { row in
                try CycleTableRecord(
                    mapping: row.text("mapping"), compared: row.int("compared"), matched: row.int("matched"),
                    findingsByKind: row.decoded("findings_by_kind", "findings counted by kind", RowJSON.decodeCounts))
            }
        }
    }

    /// The findings a closed cycle reported, in report order.
    public func findings(cycle: Int64) throws(StoreError) -> [Finding] {
        try read { transaction in
            try transaction.rows("SELECT * FROM finding WHERE cycle = \(cycle) ORDER BY seq").map { row in
                try Finding(
                    mapping: row.text("mapping"), key: row.decoded("row_key", "key columns and values", RowJSON.decodeImage),
                    column: row["column_name"],
                    newColumn: row["new_column"], kind: row.vocabulary("kind"), legacy: row["legacy"], new: row["new"],
                    disposition: row.optionalVocabulary("disposition"), ruleNote: row["rule_note"], explanation: row["explanation"],
                    attributedTo: row["attributed_to"])
            }
        }
    }

    /// Keys carried into cycle `cycle` (compared again when it closes).
    public func carriedKeys(into cycle: Int64) throws(StoreError) -> [CarriedKey] {
        try read { transaction in
            try transaction.rows("""
                SELECT mapping, canonical_key FROM carried_key WHERE cycle = \(cycle) ORDER BY mapping COLLATE "C", canonical_key
                """).map { CarriedKey(mapping: try $0.text("mapping"), canonicalKey: CanonicalKey(try $0.text("canonical_key"))) }
        }
    }
}

extension CycleRecord {
    init(row: PostgresRow) throws {
        try self.init(
            id: row.int64("id"), label: row.text("label"), start: row.int64("start_time"), end: row.int64("end_time"),
            status: row.vocabulary("status"), closedAt: row.int64("closed_at"), keysCompared: row.int("keys_compared"),
            unexplainedRate: row.text("unexplained_rate"))
    }
}
