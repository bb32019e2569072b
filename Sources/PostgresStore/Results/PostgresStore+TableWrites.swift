import ParityModel
import ParityStore

extension PostgresStore {
    /// Rows a source's transactions wrote per table with a commit time in `[from, to)` (µs since 1970), by table name.
    public func tableWrites(side: SourceSide, from: Int64, to: Int64) throws(StoreError) -> [(table: String, rows: Int)] {
        try read { transaction in
            try transaction.rows("""
                SELECT table_name, sum(inserts + updates + deletes + truncates) AS rows FROM transaction_write
                WHERE side = \(side.rawValue) AND commit_time >= \(from) AND commit_time < \(to)
                GROUP BY table_name ORDER BY table_name COLLATE "C"
                """).map { (table: try $0.text("table_name"), rows: try $0.int("rows")) }
        }
    }

    /// The patterns of rows `side`'s transactions wrote to `table` per operation and, in the same transactions, to
    /// `other`, most frequent first (then oldest first), at most `limit`: the co-write evidence of a trigger-maintained table.
    public func coWritePatterns(
        side: SourceSide, table: String, with other: String, limit: Int
    ) throws(StoreError) -> [(base: [String: Int], other: [String: Int], transactions: Int, firstCommit: Int64)] {
        try read { transaction in
            try transaction.rows("""
                SELECT b.inserts, b.updates, b.deletes, b.truncates, coalesce(o.inserts, 0) AS o_inserts,
                    coalesce(o.updates, 0) AS o_updates, coalesce(o.deletes, 0) AS o_deletes, coalesce(o.truncates, 0) AS o_truncates,
                    count(*) AS transactions, min(b.commit_time) AS first_commit
                FROM transaction_write AS b
                LEFT JOIN transaction_write AS o ON o.side = b.side AND o.commit_lsn = b.commit_lsn AND o.table_name = \(other)
                WHERE b.side = \(side.rawValue) AND b.table_name = \(table)
                GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 ORDER BY transactions DESC, first_commit LIMIT \(limit)
                """).map { row in
                let operations = ["inserts", "updates", "deletes", "truncates"]
                return (
                    base: Dictionary(uniqueKeysWithValues: try operations.map { ($0, try row.int($0)) }),
                    other: Dictionary(uniqueKeysWithValues: try operations.map { ($0, try row.int("o_" + $0)) }),
                    transactions: try row.int("transactions"), firstCommit: try row.int64("first_commit"))
            }
        }
    }
}
