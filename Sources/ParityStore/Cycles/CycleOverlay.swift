import GRDB

/// The net effect of the pending changes committed before a cycle's end, one row per changed key, in the
/// connection's temporary table `cycle_overlay`: the key's image after the changes (NULL when it no longer
/// exists) and its latest change. Built once per close, read by `CycleStateReader`, folded into `row_state`.
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
    ///
    /// Every read of pending_change names the sides, so SQLite ranges over `pending_change_by_time` instead of
    /// scanning every pending change: a close of an empty cycle then costs nothing per pending change.
    static func build(_ db: Database, before end: Int64?) throws {
        try db.execute(sql: createSQL)
        try db.execute(sql: "DELETE FROM temp.cycle_overlay")
        guard let end else { return }
        // Every change names its key; an update that changed the key also deletes the old one. The last
        // event per key, in commit order, is the key's state at the end.
        try db.execute(
            sql: """
                INSERT INTO temp.cycle_overlay (side, mapping, row_key, row_values, commit_time, commit_lsn, seq)
                SELECT side, mapping, row_key, row_values, commit_time, commit_lsn, seq FROM (
                    SELECT *, row_number() OVER (
                        PARTITION BY side, mapping, row_key ORDER BY commit_lsn DESC, seq DESC, part DESC) AS latest
                    FROM (
                        SELECT side, mapping, old_key AS row_key, NULL AS row_values, commit_time, commit_lsn, seq, 0 AS part
                        FROM pending_change WHERE side IN ('legacy', 'new') AND commit_time < :end AND old_key IS NOT NULL
                        UNION ALL
                        SELECT side, mapping, row_key, row_values, commit_time, commit_lsn, seq, 1
                        FROM pending_change WHERE side IN ('legacy', 'new') AND commit_time < :end AND row_key IS NOT NULL))
                WHERE latest = 1
                """,
            arguments: ["end": end])
        try applyTruncates(db, before: end)
    }

    /// A truncate deletes every row the mapping had before it: state rows and keys changed earlier, unless
    /// changed again after it. Only the last truncate per side and mapping matters.
    private static func applyTruncates(_ db: Database, before end: Int64) throws {
        let truncates = try Row.fetchAll(
            db,
            sql: """
                SELECT side, mapping, commit_lsn, seq, commit_time FROM pending_change
                WHERE side IN ('legacy', 'new') AND commit_time < ? AND op = 'truncate' ORDER BY commit_lsn, seq
                """,
            arguments: [end])
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
                    SELECT side, mapping, row_key, NULL, :time, :lsn, :seq FROM row_state WHERE side = :side AND mapping = :mapping
                    """,
                arguments: arguments)
        }
    }

    /// Makes the overlay the new row state, drops the folded pending changes and empties the overlay.
    static func fold(_ db: Database, before end: Int64) throws {
        try db.execute(sql: """
            DELETE FROM row_state WHERE (side, mapping, row_key) IN
                (SELECT side, mapping, row_key FROM temp.cycle_overlay WHERE row_values IS NULL)
            """)
        // An update in place: REPLACE would delete and reinsert every changed row.
        try db.execute(sql: """
            INSERT INTO row_state (side, mapping, row_key, row_values, commit_time, lsn)
            SELECT side, mapping, row_key, row_values, commit_time, commit_lsn FROM temp.cycle_overlay WHERE row_values IS NOT NULL
            ON CONFLICT (side, mapping, row_key) DO UPDATE SET
                row_values = excluded.row_values, commit_time = excluded.commit_time, lsn = excluded.lsn
            """)
        // Usually every pending change is folded: then the whole table is emptied at once (SQLite's
        // truncate optimization) instead of row by row through both indexes.
        let later = try Bool.fetchOne(
            db, sql: "SELECT EXISTS (SELECT 1 FROM pending_change WHERE side IN ('legacy', 'new') AND commit_time >= ?)",
            arguments: [end]) ?? true
        try db.execute(
            sql: later ? "DELETE FROM pending_change WHERE side IN ('legacy', 'new') AND commit_time < ?" : "DELETE FROM pending_change",
            arguments: later ? [end] : [])
        try db.execute(sql: "DELETE FROM temp.cycle_overlay")
    }
}
