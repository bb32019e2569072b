import GRDB
import ParityModel

/// Reads the store's capture bookkeeping directly (between kills, and for the final audit's change counts), never writing.
struct StoreProbe {
    let path: String

    /// Each source's checkpoint: the end LSN of the last transaction durably applied.
    func checkpoints() throws -> [String: Int64] {
        try DatabaseQueue(path: path).read { db in
            try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT side, checkpoint_lsn FROM source_state").map {
                (($0["side"] as String), ($0["checkpoint_lsn"] as Int64))
            })
        }
    }

    /// The changes held for one side, in `pending_change` and in committed streamed transactions: how many of each
    /// `mapping op`, how many distinct source transactions made them, and how many streamed transactions are still open.
    func changeCounts(side: SourceSide) throws -> (byMappingAndOp: [String: Int], transactions: Int, openStreams: Int) {
        try DatabaseQueue(path: path).read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT mapping, op, count(*) AS n FROM (
                    SELECT mapping, op FROM pending_change WHERE side = :side
                    UNION ALL
                    SELECT c.mapping, c.op FROM streamed_change c JOIN streamed_transaction t USING (stream)
                    WHERE t.side = :side AND t.commit_lsn IS NOT NULL AND c.mapping IS NOT NULL)
                GROUP BY mapping, op
                """, arguments: ["side": side])
            let counts = Dictionary(uniqueKeysWithValues: rows.map { ("\($0["mapping"] as String) \($0["op"] as String)", $0["n"] as Int) })
            let transactions = try Int.fetchOne(db, sql: """
                SELECT count(DISTINCT commit_lsn) FROM (
                    SELECT commit_lsn FROM pending_change WHERE side = :side
                    UNION ALL
                    SELECT commit_lsn FROM streamed_transaction WHERE side = :side AND commit_lsn IS NOT NULL)
                """, arguments: ["side": side]) ?? 0
            let open = try Int.fetchOne(
                db, sql: "SELECT count(*) FROM streamed_transaction WHERE side = ? AND commit_lsn IS NULL", arguments: [side]) ?? 0
            return (counts, transactions, open)
        }
    }
}
