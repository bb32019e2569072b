import ParityModel
import ParityStore
import PostgresClient

extension PostgresStore {
    /// The ledger's order: oldest first-seen first, then by mapping, key and column (byte order).
    private static let ledgerOrder = #" ORDER BY first_seen, mapping COLLATE "C", canonical_key, column_name COLLATE "C""#

    /// Differences in the ledger: the open ones (`open` true) or the resolved ones, or those cycle `resolvedIn` resolved,
    /// optionally of one mapping and kind; oldest first-seen first, then by mapping, key and column.
    public func differences(open: Bool, resolvedIn cycle: Int64?, mapping: String?, kind: FindingKind?) throws(StoreError) -> [OpenDifference] {
        try read { transaction in
            let resolved = cycle.map { "resolved_cycle = \($0)" } ?? (open ? "resolved_cycle IS NULL" : "resolved_cycle IS NOT NULL")
            return try transaction.rows(PostgresQuery(
                unsafeSQL: "SELECT * FROM difference WHERE \(resolved) AND ($1::text IS NULL OR mapping = $1) AND ($2::text IS NULL OR kind = $2)"
                    + Self.ledgerOrder,
                binds: [mapping, kind?.rawValue])).map(OpenDifference.init(row:))
        }
    }

    /// The differences open at the end of cycle `cycle` or resolved by it, oldest first-seen first.
    public func differences(asOf cycle: Int64) throws(StoreError) -> [OpenDifference] {
        try read { transaction in
            try transaction.rows(PostgresQuery(
                unsafeSQL: "SELECT * FROM difference WHERE first_seen <= $1 AND (resolved_cycle IS NULL OR resolved_cycle >= $1)" + Self.ledgerOrder,
                binds: [String(cycle)])).map(OpenDifference.init(row:))
        }
    }

    /// The open differences counted per mapping and kind, with the oldest first-seen cycle of each.
    public func openDifferenceCounts() throws(StoreError) -> [OpenDifferenceCount] {
        try read { transaction in
            try transaction.rows("""
                SELECT mapping, kind, count(*) AS open, min(first_seen) AS oldest FROM difference WHERE resolved_cycle IS NULL
                GROUP BY mapping, kind ORDER BY mapping COLLATE "C", kind COLLATE "C"
                """).map { row in
                try OpenDifferenceCount(mapping: row.text("mapping"), kind: row.vocabulary("kind"), open: row.int("open"), oldestFirstSeen: row.int64("oldest"))
            }
        }
    }

    /// Per category of the ledger (mapping, legacy column, kind), how many differences are open and how many it holds.
    public func differenceCategoryCounts() throws(StoreError) -> [DifferenceCategoryCount] {
        try read { transaction in
            try transaction.rows("""
                SELECT mapping, column_name, kind, count(*) FILTER (WHERE resolved_cycle IS NULL) AS open, count(*) AS total FROM difference
                GROUP BY mapping, column_name, kind ORDER BY mapping COLLATE "C", column_name COLLATE "C", kind COLLATE "C"
                """).map { row in
                let column = try row.text("column_name")
                return try DifferenceCategoryCount(
                    mapping: row.text("mapping"), column: column.isEmpty ? nil : column, kind: row.vocabulary("kind"), open: row.int("open"),
                    total: row.int("total"))
            }
        }
    }

    /// The open differences of one category at the end of every closed cycle from `cycle` on (all when nil), in order; 0
    /// for a cycle at which none was open.
    public func categoryOpenHistory(
        mapping: String, column: String?, kind: FindingKind, from cycle: Int64?
    ) throws(StoreError) -> [(cycle: Int64, open: Int)] {
        try read { transaction in
            try transaction.rows("""
                SELECT c.id AS cycle, coalesce(o.open, 0) AS open FROM cycle AS c
                LEFT JOIN category_open AS o ON o.cycle = c.id AND o.mapping = \(mapping) AND o.column_name = \(column ?? "") AND o.kind = \(kind.rawValue)
                WHERE c.id >= \(cycle ?? 0) ORDER BY c.id
                """).map { (cycle: try $0.int64("cycle"), open: try $0.int("open")) }
        }
    }
}

extension OpenDifference {
    /// Reads a `difference` row.
    init(row: PostgresRow) throws {
        let column = try row.text("column_name")
        try self.init(
            finding: Finding(
                mapping: row.text("mapping"), key: row.decoded("row_key", "key columns and values", RowJSON.decodeImage),
                column: column.isEmpty ? nil : column,
                newColumn: row["new_column"], kind: row.vocabulary("kind"), legacy: row["legacy"], new: row["new"],
                disposition: row.optionalVocabulary("disposition"), ruleNote: row["rule_note"], explanation: row["explanation"]),
            canonicalKey: CanonicalKey(row.text("canonical_key")), firstSeen: row.int64("first_seen"), lastSeen: row.int64("last_seen"),
            resolvedCycle: row.optionalInt64("resolved_cycle"))
    }
}
