import GRDB
import ParityModel

extension ParityStore {
    /// Every closed cycle, oldest first.
    public func cycles() throws(StoreError) -> [CycleRecord] {
        try read { db in try Row.fetchAll(db, sql: "SELECT * FROM cycle ORDER BY id").map(CycleRecord.init(row:)) }
    }

    /// The last closed cycle, or nil before the baseline.
    public func latestCycle() throws(StoreError) -> CycleRecord? {
        try read { db in try Row.fetchOne(db, sql: "SELECT * FROM cycle ORDER BY id DESC LIMIT 1").map(CycleRecord.init(row:)) }
    }

    /// One closed cycle, or nil.
    public func cycle(id: Int64) throws(StoreError) -> CycleRecord? {
        try read { db in try Row.fetchOne(db, sql: "SELECT * FROM cycle WHERE id = ?", arguments: [id]).map(CycleRecord.init(row:)) }
    }

    /// The counts per table mapping of a closed cycle, by mapping name.
    public func cycleTables(cycle: Int64) throws(StoreError) -> [CycleTableRecord] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM cycle_table WHERE cycle = ? ORDER BY mapping", arguments: [cycle]).map { row in
                try CycleTableRecord(
                    mapping: row["mapping"], compared: row["compared"], matched: row["matched"],
                    findingsByKind: row.decoded("findings_by_kind", "findings counted by kind", RowJSON.decodeCounts))
            }
        }
    }

    /// The findings a closed cycle reported, in report order.
    public func findings(cycle: Int64) throws(StoreError) -> [Finding] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM finding WHERE cycle = ? ORDER BY seq", arguments: [cycle]).map { row in
                try Finding(
                    mapping: row["mapping"], key: row.decoded("row_key", "key columns and values", RowJSON.decodeImage),
                    column: row["column_name"],
                    newColumn: row["new_column"], kind: row.vocabulary("kind"), legacy: row["legacy"], new: row["new"],
                    disposition: row.optionalVocabulary("disposition"), ruleNote: row["rule_note"], explanation: row["explanation"],
                    attributedTo: row["attributed_to"])
            }
        }
    }

    /// Keys carried into cycle `cycle` (compared again when it closes).
    public func carriedKeys(into cycle: Int64) throws(StoreError) -> [CarriedKey] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT mapping, canonical_key FROM carried_key WHERE cycle = ? ORDER BY mapping, canonical_key",
                arguments: [cycle]
            ).map { CarriedKey(mapping: $0["mapping"], canonicalKey: $0["canonical_key"]) }
        }
    }
}

extension CycleRecord {
    init(row: Row) throws {
        try self.init(
            id: row["id"], label: row["label"], start: row["start_time"], end: row["end_time"], status: row.vocabulary("status"),
            closedAt: row["closed_at"], keysCompared: row["keys_compared"], unexplainedRate: row["unexplained_rate"])
    }
}
