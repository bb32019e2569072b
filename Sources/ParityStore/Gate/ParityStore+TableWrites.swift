import GRDB

extension ParityStore {
    /// Rows a source's transactions wrote per table with a commit time in `[from, to)` (µs since 1970), by table name.
    public func tableWrites(side: String, from: Int64, to: Int64) throws(StoreError) -> [(table: String, rows: Int)] {
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
}
