import ParityModel
import ParityStore
import PostgresClient

extension PostgresStore {
    /// Every mapping's statistics in each closed cycle up to `cycle` that recorded them, by cycle then mapping.
    public func mappingStatistics(through cycle: Int64) throws(StoreError) -> [(cycle: Int64, statistics: MappingStatistics)] {
        try read { transaction in
            var columns: [Int64: [String: [ColumnStatistics]]] = [:]
            let rows = try transaction.cursor("SELECT * FROM column_statistics WHERE cycle <= \(cycle) ORDER BY cycle, mapping COLLATE \"C\", seq")
            while let row = try rows.next() {
                columns[try row.int64("cycle"), default: [:]][try row.text("mapping"), default: []].append(try ColumnStatistics(
                    column: row.text("column_name"), newColumn: row.text("new_column"), mismatched: row.int("mismatched"),
                    withinTolerance: row.int("within_tolerance"), largestDifference: row.optionalDecimal("largest_difference")))
            }
            return try transaction.rows("""
                SELECT cycle, mapping, compared, matched, paired FROM cycle_table
                WHERE cycle <= \(cycle) AND paired IS NOT NULL ORDER BY cycle, mapping COLLATE "C"
                """).map { row in
                let id = try row.int64("cycle")
                let mapping = try row.text("mapping")
                return (id, MappingStatistics(
                    mapping: mapping, compared: try row.int("compared"), matched: try row.int("matched"), paired: try row.int("paired"),
                    columns: columns[id]?[mapping] ?? []))
            }
        }
    }

    /// The scope shares of every closed cycle up to `cycle`, by cycle then mapping.
    public func scopeShares(through cycle: Int64) throws(StoreError) -> [ScopeShare] {
        try read { transaction in
            try transaction.rows("SELECT * FROM cycle_scope WHERE cycle <= \(cycle) ORDER BY cycle, mapping COLLATE \"C\"").map(ScopeShare.init(row:))
        }
    }

    /// The scope `mapping` was last compared under, and the keys its scope table listed then (empty for filters).
    public func latestScope(mapping: String) throws(StoreError) -> (share: ScopeShare, keys: Set<ExactText>)? {
        try read { transaction in
            guard let share = try Self.previousScope(mapping: mapping, before: .max, in: transaction) else { return nil }
            let keys = try transaction.rows("SELECT value FROM scope_key WHERE mapping = \(mapping)").map { ExactText(try $0.text("value")) }
            return (share, Set(keys))
        }
    }

    /// The latest scope share of `mapping` recorded before `cycle`.
    static func previousScope(mapping: String, before cycle: Int64, in transaction: StoreTransaction) throws -> ScopeShare? {
        try transaction.row("""
            SELECT * FROM cycle_scope WHERE mapping = \(mapping) AND cycle < \(cycle) ORDER BY cycle DESC LIMIT 1
            """).map(ScopeShare.init(row:))
    }
}

extension ScopeShare {
    init(row: PostgresRow) throws {
        self.init(
            cycle: try row.int64("cycle"), mapping: try row.text("mapping"), definition: row["definition"], digest: try row.text("digest"),
            listedKeys: try row.optionalInt("listed_keys"), rows: try row.int("rows_total"), inScope: try row.int("rows_in_scope"),
            outOfScope: try row.int("out_of_scope"), comparedAll: try row.bool("compared_all"))
    }
}
