import GRDB
import ParityModel

extension ParityStore {
    /// Rows a source's transactions wrote per table with a commit time in `[from, to)` (µs since 1970), by table name.
    public func tableWrites(side: SourceSide, from: Int64, to: Int64) throws(StoreError) -> [(table: String, rows: Int)] {
        try read { db in
            try Row.fetchAll(
                db, sql: """
                    SELECT table_name, sum(inserts + updates + deletes + truncates) AS rows FROM transaction_write
                    WHERE side = ? AND commit_time >= ? AND commit_time < ? GROUP BY table_name ORDER BY table_name
                    """,
                arguments: [side, from, to]
            ).map { (table: $0["table_name"], rows: $0["rows"]) }
        }
    }

    /// The patterns of rows `side`'s transactions wrote to `table` per operation (`inserts`, `updates`, `deletes`,
    /// `truncates`) and, in the same transactions, to `with` (none when they did not write it), most frequent first
    /// (then oldest first), at most `limit`: the co-write evidence of a trigger-maintained table.
    public func coWritePatterns(
        side: SourceSide, table: String, with other: String, limit: Int
    ) throws(StoreError) -> [(base: [String: Int], other: [String: Int], transactions: Int, firstCommit: Int64)] {
        try read { db in
            try Row.fetchAll(
                db, sql: """
                    SELECT b.inserts, b.updates, b.deletes, b.truncates, coalesce(o.inserts, 0) AS o_inserts,
                        coalesce(o.updates, 0) AS o_updates, coalesce(o.deletes, 0) AS o_deletes, coalesce(o.truncates, 0) AS o_truncates,
                        count(*) AS transactions, min(b.commit_time) AS first_commit
                    FROM transaction_write AS b
                    LEFT JOIN transaction_write AS o ON o.side = b.side AND o.commit_lsn = b.commit_lsn AND o.table_name = :other
                    WHERE b.side = :side AND b.table_name = :table
                    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 ORDER BY transactions DESC, first_commit LIMIT :limit
                    """,
                arguments: ["side": side, "table": table, "other": other, "limit": limit]
            ).map { row in
                let operations = ["inserts", "updates", "deletes", "truncates"]
                return (
                    base: Dictionary(uniqueKeysWithValues: operations.map { ($0, row[$0] as Int) }),
                    other: Dictionary(uniqueKeysWithValues: operations.map { ($0, row["o_" + $0] as Int) }),
                    transactions: row["transactions"] as Int, firstCommit: row["first_commit"] as Int64)
            }
        }
    }
}
