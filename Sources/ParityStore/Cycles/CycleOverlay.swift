import GRDB

/// The net effect of the pending changes committed before a cycle's end, one row per changed key, in the
/// connection's temporary table `cycle_overlay`: the key's image after the changes (NULL when it no longer
/// exists) and its latest change. Built once per close, read by `CycleStateReader`, folded into the row state
/// (`RowDelta`).
///
/// It is scratch space of the closing transaction, not part of the store's schema (migrations/): a TEMP
/// table lives on the writer connection only and is emptied when the close ends.
enum CycleOverlay {
    static let createSQL = """
        CREATE TEMP TABLE IF NOT EXISTS cycle_overlay (
            side        TEXT NOT NULL,
            mapping     TEXT NOT NULL,
            row_key     TEXT NOT NULL,
            row_values  TEXT,                       -- the image after the changes; NULL: deleted
            commit_time INTEGER NOT NULL,           -- the latest change to the key
            commit_lsn  INTEGER NOT NULL,
            seq         INTEGER NOT NULL,
            PRIMARY KEY (side, mapping, row_key)
        ) WITHOUT ROWID
        """

    /// Fills the overlay from the pending changes committed before `end`; empty (the baseline) when `end` is nil.
    static func build(_ db: Database, before end: Int64?) throws {
        try db.execute(sql: createSQL)
        try db.execute(sql: "DELETE FROM temp.cycle_overlay")
        guard let end else { return }
        // Every change names its key; an update that changed the key also deletes the old one. The last
        // event per key, in commit order, is the key's state at the end: later events overwrite earlier
        // ones. Sorted by key first, so the overlay fills in key order (a window function ranking the
        // events per key took twice as long). The sort is most of the work.
        try db.withParallelSort {
            try db.execute(
                sql: """
                    INSERT INTO temp.cycle_overlay (side, mapping, row_key, row_values, commit_time, commit_lsn, seq)
                    SELECT side, mapping, row_key, row_values, commit_time, commit_lsn, seq FROM (
                        SELECT side, mapping, old_key AS row_key, NULL AS row_values, commit_time, commit_lsn, seq, 0 AS part
                        FROM \(PendingChanges.before) WHERE old_key IS NOT NULL
                        UNION ALL
                        SELECT side, mapping, row_key, row_values, commit_time, commit_lsn, seq, 1
                        FROM \(PendingChanges.before) WHERE row_key IS NOT NULL)
                    ORDER BY side, mapping, row_key, commit_lsn, seq, part
                    ON CONFLICT (side, mapping, row_key) DO UPDATE SET
                        row_values = excluded.row_values, commit_time = excluded.commit_time,
                        commit_lsn = excluded.commit_lsn, seq = excluded.seq
                    WHERE (excluded.commit_lsn, excluded.seq) >= (cycle_overlay.commit_lsn, cycle_overlay.seq)
                    """,
                arguments: ["end": end])
        }
        try applyTruncates(db, before: end)
    }

    /// A truncate deletes every row the mapping had before it: state rows and keys changed earlier, unless
    /// changed again after it. Only the last truncate per side and mapping matters.
    private static func applyTruncates(_ db: Database, before end: Int64) throws {
        let truncates = try Row.fetchAll(
            db,
            sql: """
                SELECT side, mapping, commit_lsn, seq, commit_time FROM \(PendingChanges.before)
                WHERE op = 'truncate' ORDER BY commit_lsn, seq
                """,
            arguments: ["end": end])
        var last: [String: Row] = [:]
        for truncate in truncates { last[(truncate["side"] as String) + "\u{0}" + (truncate["mapping"] as String)] = truncate }
        for truncate in last.values {
            let arguments: StatementArguments = [
                "side": truncate["side"], "mapping": truncate["mapping"], "lsn": truncate["commit_lsn"], "seq": truncate["seq"],
                "time": truncate["commit_time"],
            ]
            try db.execute(
                sql: """
                    UPDATE temp.cycle_overlay SET row_values = NULL, commit_time = :time, commit_lsn = :lsn, seq = :seq
                    WHERE side = :side AND mapping = :mapping AND (commit_lsn < :lsn OR (commit_lsn = :lsn AND seq < :seq))
                    """,
                arguments: arguments)
            try db.execute(
                sql: """
                    INSERT OR IGNORE INTO temp.cycle_overlay (side, mapping, row_key, row_values, commit_time, commit_lsn, seq)
                    SELECT :side, :mapping, row_key, NULL, :time, :lsn, :seq FROM (\(RowDelta.closedRows))
                    """,
                arguments: arguments)
        }
    }

    /// Drops the folded pending changes, makes the overlay part of the row state (`RowDelta`) and empties the
    /// overlay. Returns whether the delta is due to be merged into row state.
    ///
    /// The pending changes go first (the overlay holds all the fold needs): the delta's new rows then take the
    /// pages they freed instead of growing the file, and the checkpoint writes them over existing blocks
    /// (issue-4 close 9.7–10.5 s → 8.5–9.3 s, and the file no longer grows by the cycle's changes).
    static func fold(_ db: Database, before end: Int64, policy: DeltaMergePolicy) throws -> Bool {
        try dropFolded(db, before: end)
        let mergeDue = try RowDelta.fold(db, policy: policy)
        try db.execute(sql: "DELETE FROM temp.cycle_overlay")
        return mergeDue
    }

    /// Drops the pending changes committed before `end`. Usually every pending change is: then each table is
    /// emptied at once (SQLite's truncate optimization) instead of row by row through its indexes.
    private static func dropFolded(_ db: Database, before end: Int64) throws {
        let laterChange = try Bool.fetchOne(
            db, sql: "SELECT EXISTS (SELECT 1 FROM pending_change WHERE side IN ('legacy', 'new') AND commit_time >= ?)",
            arguments: [end]) ?? true
        try db.execute(
            sql: laterChange ? "DELETE FROM pending_change WHERE side IN ('legacy', 'new') AND commit_time < ?" : "DELETE FROM pending_change",
            arguments: laterChange ? [end] : [])
        let laterStream = try Bool.fetchOne(
            db, sql: "SELECT EXISTS (SELECT 1 FROM streamed_transaction WHERE commit_lsn IS NULL OR commit_time >= ?)",
            arguments: [end]) ?? true
        guard laterStream else {
            try db.execute(sql: "DELETE FROM streamed_change")
            try db.execute(sql: "DELETE FROM streamed_transaction")
            return
        }
        let folded = "SELECT stream FROM streamed_transaction WHERE side IN ('legacy', 'new') AND commit_lsn IS NOT NULL AND commit_time < ?"
        try db.execute(sql: "DELETE FROM streamed_change WHERE stream IN (\(folded))", arguments: [end])
        try db.execute(sql: "DELETE FROM streamed_transaction WHERE stream IN (\(folded))", arguments: [end])
    }
}
