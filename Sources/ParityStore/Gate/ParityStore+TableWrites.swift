import GRDB
import ParityModel

extension ParityStore {
    /// Rows a source's transactions wrote per table with a commit time in `[from, to)` (µs since 1970), by table name:
    /// the rows not yet retired, and the retired rows of the closed cycles whose windows lie within (exact for a window
    /// made of closed cycles' windows and later time).
    public func tableWrites(side: SourceSide, from: Int64, to: Int64) throws(StoreError) -> [(table: String, rows: Int)] {
        try read { db in
            try Row.fetchAll(
                db, sql: """
                    SELECT table_name, sum(written) AS rows FROM (
                        SELECT table_name, inserts + updates + deletes + truncates AS written FROM transaction_write
                        WHERE side = :side AND commit_time >= :from AND commit_time < :to
                        UNION ALL
                        SELECT w.table_name, w.written FROM cycle_table_write AS w JOIN cycle AS c ON c.id = w.cycle
                        WHERE w.side = :side AND c.start_time >= :from AND c.end_time <= :to)
                    GROUP BY table_name ORDER BY table_name
                    """,
                arguments: ["side": side, "from": from, "to": to]
            ).map { (table: $0["table_name"], rows: $0["rows"]) }
        }
    }

    /// The patterns of rows `side`'s transactions wrote to `table` per operation (`inserts`, `updates`, `deletes`,
    /// `truncates`) and, in the same transactions, to `with` (none when they did not write it), most frequent first
    /// (then oldest first), at most `limit`: the co-write evidence of a trigger-maintained table. Retired transactions
    /// count through their signatures.
    public func coWritePatterns(
        side: SourceSide, table: String, with other: String, limit: Int
    ) throws(StoreError) -> [(base: [String: Int], other: [String: Int], transactions: Int, firstCommit: Int64)] {
        try read { db in
            try Row.fetchAll(
                db, sql: """
                    SELECT inserts, updates, deletes, truncates, o_inserts, o_updates, o_deletes, o_truncates,
                        sum(transactions) AS transactions, min(first_commit) AS first_commit
                    FROM (\(Self.coWritesSQL))
                    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 ORDER BY transactions DESC, first_commit, 1, 2, 3, 4, 5, 6, 7, 8 LIMIT :limit
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

    /// The co-write patterns of `:table` with `:other` on `:side`: the rows not yet retired (a transaction each), then
    /// the retired signatures holding `:table`.
    private static let coWritesSQL = """
        SELECT b.inserts, b.updates, b.deletes, b.truncates, coalesce(o.inserts, 0) AS o_inserts, coalesce(o.updates, 0) AS o_updates,
            coalesce(o.deletes, 0) AS o_deletes, coalesce(o.truncates, 0) AS o_truncates, 1 AS transactions, b.commit_time AS first_commit
        FROM transaction_write AS b
        LEFT JOIN transaction_write AS o ON o.side = b.side AND o.commit_lsn = b.commit_lsn AND o.table_name = :other
        WHERE b.side = :side AND b.table_name = :table
        UNION ALL
        SELECT b.inserts, b.updates, b.deletes, b.truncates, coalesce(o.inserts, 0), coalesce(o.updates, 0), coalesce(o.deletes, 0),
            coalesce(o.truncates, 0), s.transactions, s.first_commit
        FROM write_signature_table AS b JOIN write_signature AS s ON s.side = b.side AND s.id = b.signature
        LEFT JOIN write_signature_table AS o ON o.side = b.side AND o.signature = b.signature AND o.table_name = :other
        WHERE b.side = :side AND b.table_name = :table
        """
}
