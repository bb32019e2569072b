import GRDB
import ParityModel
import ParityTestSupport
import PostgresClient

/// Reads the store's capture bookkeeping directly (between kills, and for the final audit's change counts), never writing.
enum StoreProbe {
    /// The SQLite store's file.
    case sqlite(path: String)
    /// The PostgreSQL store's cluster, database `store`.
    case postgres(PostgresCluster)

    /// Each source's checkpoint: the end LSN of the last transaction durably applied.
    func checkpoints() throws -> [String: Int64] {
        try Dictionary(uniqueKeysWithValues: rows("SELECT side, CAST(checkpoint_lsn AS TEXT) AS lsn FROM source_state").map {
            ($0["side"] ?? "", Int64($0["lsn"] ?? "") ?? -1)
        })
    }

    /// The changes held for one side (pending, and in committed streamed transactions the SQLite store keeps apart until
    /// a close): how many of each `mapping op`, how many distinct source transactions made them, and how many streamed
    /// transactions are still open.
    func changeCounts(side: SourceSide) throws -> (byMappingAndOp: [String: Int], transactions: Int, openStreams: Int) {
        let (held, committedStreams, openStreams) = switch self {
        case .sqlite: (
            """
            SELECT mapping, op, commit_lsn FROM pending_change WHERE side = '\(side.rawValue)'
            UNION ALL
            SELECT c.mapping, c.op, t.commit_lsn FROM streamed_change c JOIN streamed_transaction t USING (stream)
            WHERE t.side = '\(side.rawValue)' AND t.commit_lsn IS NOT NULL AND c.mapping IS NOT NULL
            """,
            "SELECT commit_lsn FROM streamed_transaction WHERE side = '\(side.rawValue)' AND commit_lsn IS NOT NULL",
            "SELECT count(*) FROM streamed_transaction WHERE side = '\(side.rawValue)' AND commit_lsn IS NULL")
        // The PostgreSQL store moves a streamed transaction's changes into pending_change when it commits.
        case .postgres: (
            "SELECT mapping, op, commit_lsn FROM pending_change WHERE side = '\(side.rawValue)'",
            "SELECT NULL AS commit_lsn WHERE false",
            "SELECT count(*) FROM streamed_transaction WHERE side = '\(side.rawValue)'")
        }
        let counts = try rows("SELECT mapping, op, CAST(count(*) AS TEXT) AS n FROM (\(held)) AS held GROUP BY mapping, op")
        let transactions = try rows("""
            SELECT CAST(count(DISTINCT commit_lsn) AS TEXT) AS n FROM (SELECT commit_lsn FROM (\(held)) AS held UNION ALL \(committedStreams)) AS made
            """)
        let open = try rows("SELECT CAST((\(openStreams)) AS TEXT) AS n")
        return (
            Dictionary(uniqueKeysWithValues: counts.map { ("\($0["mapping"] ?? "") \($0["op"] ?? "")", Int($0["n"] ?? "") ?? -1) }),
            Int(transactions.first?["n"] ?? "") ?? -1, Int(open.first?["n"] ?? "") ?? -1)
    }

    /// How many of one side's pending changes the PostgreSQL store's `unfolded_since` claims none are older than, yet
    /// are (its promise, migration 012: expected 0); nil for the SQLite store, which has no such value.
    func changesBeforeUnfoldedSince(side: SourceSide) throws -> Int? {
        guard case .postgres = self else { return nil }
        let count = try rows("""
            SELECT CAST(count(*) AS TEXT) AS n FROM pending_change AS c JOIN source_state AS s USING (side)
            WHERE c.side = '\(side.rawValue)' AND (s.unfolded_since IS NULL OR c.commit_time < s.unfolded_since)
            """)
        return Int(count.first?["n"] ?? "") ?? -1
    }

    /// The rows of `sql`, every column text.
    private func rows(_ sql: String) throws -> [[String: String]] {
        switch self {
        case .sqlite(let path):
            return try DatabaseQueue(path: path).read { db in
                try Row.fetchAll(db, sql: sql).map { row in
                    Dictionary(uniqueKeysWithValues: row.columnNames.map { ($0, row[$0] as String? ?? "") })
                }
            }
        case .postgres(let cluster):
            let connection = try cluster.connect(database: "store")
            defer { connection.close() }
            let result = try connection.query(PostgresQuery(unsafeSQL: sql))
            return result.rows.map { row in Dictionary(uniqueKeysWithValues: result.columns.map { ($0, row[$0] ?? "") }) }
        }
    }
}
