import GRDB
import ParityModel

/// Open differences per category at each closed cycle's end (`category_open`, migration 019).
enum CategoryCounts {
    /// Records the open counts per category as the ledger stands after cycle `cycle`'s changes.
    static func record(_ db: Database, cycle: Int64) throws {
        try db.execute(sql: """
            INSERT OR REPLACE INTO category_open (cycle, mapping, column_name, kind, open)
            SELECT ?, mapping, column_name, kind, count(*) FROM difference WHERE resolved_cycle IS NULL GROUP BY mapping, column_name, kind
            """, arguments: [cycle])
    }
}

extension ParityStore {
    /// Per category of the ledger, how many differences are open and how many it holds in all.
    public func differenceCategoryCounts() throws(StoreError) -> [DifferenceCategoryCount] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT mapping, column_name, kind, sum(resolved_cycle IS NULL) AS open, count(*) AS total FROM difference
                GROUP BY mapping, column_name, kind ORDER BY mapping, column_name, kind
                """).map { row in
                let column: String = row["column_name"]
                return try DifferenceCategoryCount(
                    mapping: row["mapping"], column: column.isEmpty ? nil : column, kind: row.vocabulary("kind"), open: row["open"], total: row["total"])
            }
        }
    }

    /// The open differences of one category at the end of every closed cycle from `cycle` on (all when nil), in order;
    /// 0 for a cycle at which none was open.
    public func categoryOpenHistory(
        mapping: String, column: String?, kind: FindingKind, from cycle: Int64?
    ) throws(StoreError) -> [(cycle: Int64, open: Int)] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT c.id AS cycle, coalesce(o.open, 0) AS open FROM cycle c
                LEFT JOIN category_open o ON o.cycle = c.id AND o.mapping = ? AND o.column_name = ? AND o.kind = ?
                WHERE c.id >= ? ORDER BY c.id
                """, arguments: [mapping, column ?? "", kind, cycle ?? 0]
            ).map { (cycle: $0["cycle"], open: $0["open"]) }
        }
    }
}
