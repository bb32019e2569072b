import ParityStore
import PostgresClient

/// Folds the pending changes committed before a cycle's end into row state at the start of its close, and drops them
/// from pending, so the comparison reads the state as of the end where it is stored. The rows the fold writes carry the
/// cycle (`folded_by`) and what happened to their key (`events`, ``ChangeEvents``): they are the keys the cycle changed.
enum CycleFold {
    /// Folds the changes committed before `end` into row state as cycle `cycle`; returns whether it wrote any row.
    static func apply(_ transaction: StoreTransaction, cycle: Int64, before end: Int64) throws -> Bool {
        // Keys deleted by the previous close have been listed as changed by it: they go now.
        try transaction.execute("DELETE FROM row_state WHERE row_values IS NULL")
        var wrote = false
        for truncate in try lastTruncates(transaction, before: end) {
            wrote = try truncateState(transaction, truncate, cycle: cycle) > 0 || wrote
        }
        // The last change of each key is its state at the end; the kinds of every change of the key add up. A change
        // made before its mapping's last truncate leaves its key deleted as of the truncate.
        let folded = try transaction.execute("""
            WITH changes AS (
                SELECT c.part, c.side, c.mapping, c.row_key, c.commit_lsn, c.seq, c.op, c.row_values, c.commit_time,
                    t.commit_lsn AS t_lsn, t.seq AS t_seq, t.commit_time AS t_time
                FROM pending_change AS c
                LEFT JOIN (
                    SELECT DISTINCT ON (side, mapping) side, mapping, commit_lsn, seq, commit_time FROM pending_truncate
                    WHERE commit_time < \(end) ORDER BY side, mapping, commit_lsn DESC, seq DESC
                ) AS t ON t.side = c.side AND t.mapping = c.mapping
                WHERE c.commit_time < \(end)
            ), events AS (
                SELECT part, side, mapping, row_key,
                    bit_or(CASE op WHEN 'insert' THEN 1 WHEN 'update' THEN 2 WHEN 'moved' THEN 2 WHEN 'delete' THEN 4 END) AS events
                FROM changes GROUP BY part, side, mapping, row_key
            ), latest AS (
                SELECT DISTINCT ON (part, side, mapping, row_key) * FROM changes
                ORDER BY part, side, mapping, row_key, commit_lsn DESC, seq DESC
            )
            INSERT INTO row_state AS s (part, side, mapping, row_key, row_values, commit_time, lsn, folded_by, events)
            SELECT l.part, l.side, l.mapping, l.row_key,
                CASE WHEN (l.commit_lsn, l.seq) < (l.t_lsn, l.t_seq) OR l.op IN ('delete', 'moved') THEN NULL ELSE l.row_values END,
                CASE WHEN (l.commit_lsn, l.seq) < (l.t_lsn, l.t_seq) THEN l.t_time ELSE l.commit_time END,
                CASE WHEN (l.commit_lsn, l.seq) < (l.t_lsn, l.t_seq) THEN l.t_lsn ELSE l.commit_lsn END,
                \(cycle)::bigint, e.events
            FROM latest AS l JOIN events AS e USING (part, side, mapping, row_key)
            ON CONFLICT (part, side, mapping, row_key) DO UPDATE SET
                row_values = excluded.row_values, commit_time = excluded.commit_time, lsn = excluded.lsn, folded_by = excluded.folded_by,
                events = CASE WHEN s.folded_by = excluded.folded_by THEN coalesce(s.events, 0) | excluded.events ELSE excluded.events END
            WHERE excluded.lsn >= s.lsn
            """)
        try transaction.execute("DELETE FROM pending_change WHERE commit_time < \(end)")
        try transaction.execute("DELETE FROM pending_truncate WHERE commit_time < \(end)")
        return wrote || folded > 0
    }

    /// The last truncate per side and mapping before `end` (only the last matters).
    private static func lastTruncates(_ transaction: StoreTransaction, before end: Int64) throws -> [PostgresRow] {
        try transaction.rows("""
            SELECT DISTINCT ON (side, mapping) side, mapping, commit_lsn, commit_time FROM pending_truncate
            WHERE commit_time < \(end) ORDER BY side, mapping, commit_lsn DESC, seq DESC
            """)
    }

    /// A truncate deletes every row its mapping had as of the last closed cycle; the changes after it fold over these
    /// deletions. Returns how many rows it deleted.
    private static func truncateState(_ transaction: StoreTransaction, _ truncate: PostgresRow, cycle: Int64) throws -> Int {
        try transaction.execute("""
            UPDATE row_state SET row_values = NULL, commit_time = \(try truncate.int64("commit_time")), lsn = \(try truncate.int64("commit_lsn")),
                folded_by = \(cycle), events = \(ChangeEvents.truncate.rawValue)
            WHERE side = \(try truncate.text("side")) AND mapping = \(try truncate.text("mapping")) AND row_values IS NOT NULL
            """)
    }
}
