import GRDB

/// Folds the pending changes committed before a cycle's end into the row state (`RowDelta`) at the start of
/// the close and drops them from pending, so the comparison reads the state as of the end where it is stored.
/// The delta rows the fold writes carry the cycle (`folded_by`, migrations/010): they are the keys the cycle's
/// changes touched (`CycleStateReader`).
///
/// Each changed row is written once, into the delta. The close used to sort the changes into a scratch table,
/// compare from there and copy that table into the delta (issue-4 close on the benchmark's store: 7.8 s → 6.0 s,
/// Benchmarks/RESULTS.md).
enum CycleFold {
    /// Folds the pending changes committed before `end` into the delta, marking the rows written with `cycle`,
    /// and drops those changes from pending. Returns which delta rows it wrote and how the close finds them.
    static func apply(_ db: Database, cycle: Int64, before end: Int64) throws -> FoldedKeys {
        let truncates = try lastTruncates(db, before: end)
        // A truncate writes every row its mapping had: too many to list.
        let listed = try truncates.isEmpty && FoldedKeys.list(db, before: end)
        for truncate in truncates { try deleteClosedRows(db, truncate, cycle: cycle) }
        // Every change names its key; an update that changed the key also deletes the old one. Sorted by key
        // and then commit order, so the last event per key is written last and is the key's state at the end,
        // and the delta fills in key order. A change older than the delta's row for its key (a truncate just
        // written there) is skipped.
        let event = truncates.isEmpty ? plainEvent : truncatedEvent
        var wrote = !truncates.isEmpty
        try db.withParallelSort {
            try db.execute(
                sql: """
                    INSERT INTO row_delta (side, mapping, row_key, row_values, commit_time, lsn, folded_by, events)
                    SELECT e.side, e.mapping, e.row_key, \(event.values), \(event.time), \(event.lsn), :cycle, e.events FROM (
                        SELECT side, mapping, old_key AS row_key, NULL AS row_values, commit_time, commit_lsn, seq, 0 AS part,
                            \(ChangeEvents.update.rawValue) AS events
                        FROM \(PendingChanges.keyChangesBefore)
                        UNION ALL
                        SELECT side, mapping, row_key, row_values, commit_time, commit_lsn, seq, 1, \(ChangeEvents.sql(op: "op"))
                        FROM \(PendingChanges.before) WHERE row_key IS NOT NULL) AS e \(event.join)
                    ORDER BY e.side, e.mapping, e.row_key, e.commit_lsn, e.seq, e.part
                    ON CONFLICT (side, mapping, row_key) DO UPDATE SET
                        row_values = excluded.row_values, commit_time = excluded.commit_time, lsn = excluded.lsn,
                        folded_by = excluded.folded_by, \(ChangeEvents.accumulated)
                    WHERE excluded.lsn >= row_delta.lsn
                    """,
                arguments: ["end": end, "cycle": cycle])
            wrote = wrote || db.changesCount > 0
        }
        try db.execute(sql: "DROP TABLE IF EXISTS temp.cycle_truncate")
        try dropFolded(db, before: end)
        return !wrote ? .none : listed ? .listed : .unlisted
    }

    /// A change's image, time and LSN as folded.
    private typealias Event = (values: String, time: String, lsn: String, join: String)

    private static let plainEvent: Event = ("e.row_values", "e.commit_time", "e.commit_lsn", "")

    /// A change made before its mapping's last truncate (`cycle_truncate`) leaves its key deleted as of the truncate.
    private static let truncatedEvent: Event = (
        "CASE WHEN (e.commit_lsn, e.seq) < (t.lsn, t.seq) THEN NULL ELSE e.row_values END",
        "CASE WHEN (e.commit_lsn, e.seq) < (t.lsn, t.seq) THEN t.commit_time ELSE e.commit_time END",
        "CASE WHEN (e.commit_lsn, e.seq) < (t.lsn, t.seq) THEN t.lsn ELSE e.commit_lsn END",
        "LEFT JOIN temp.cycle_truncate AS t ON t.side = e.side AND t.mapping = e.mapping"
    )

    /// The last truncate per side and mapping before `end` (only the last matters), also kept in the TEMP
    /// table `cycle_truncate` for the fold's statement: scratch space of the closing transaction, not part of
    /// the store's schema.
    private static func lastTruncates(_ db: Database, before end: Int64) throws -> [Row] {
        let truncates = try Row.fetchAll(db, sql: PendingChanges.truncatesBefore, arguments: ["end": end])
        var last: [String: Row] = [:]
        for truncate in truncates { last[(truncate["side"] as String) + "\u{0}" + (truncate["mapping"] as String)] = truncate }
        guard !last.isEmpty else { return [] }
        try db.execute(sql: """
            CREATE TEMP TABLE IF NOT EXISTS cycle_truncate (
                side TEXT NOT NULL, mapping TEXT NOT NULL, lsn INTEGER NOT NULL, seq INTEGER NOT NULL, commit_time INTEGER NOT NULL,
                PRIMARY KEY (side, mapping))
            """)
        try db.execute(sql: "DELETE FROM temp.cycle_truncate")
        for truncate in last.values {
            try db.execute(
                sql: "INSERT INTO temp.cycle_truncate (side, mapping, lsn, seq, commit_time) VALUES (?, ?, ?, ?, ?)",
                arguments: [truncate["side"], truncate["mapping"], truncate["lsn"], truncate["seq"], truncate["commit_time"]])
        }
        return Array(last.values)
    }

    /// A truncate deletes every row its mapping had as of the last closed cycle; the changes after it are
    /// folded next, over these deletions.
    private static func deleteClosedRows(_ db: Database, _ truncate: Row, cycle: Int64) throws {
        try db.execute(
            sql: """
                INSERT INTO row_delta (side, mapping, row_key, row_values, commit_time, lsn, folded_by, events)
                SELECT :side, :mapping, row_key, NULL, :time, :lsn, :cycle, \(ChangeEvents.truncate.rawValue)
                FROM (\(RowDelta.closedRows)) WHERE true
                ON CONFLICT (side, mapping, row_key) DO UPDATE SET
                    row_values = NULL, commit_time = excluded.commit_time, lsn = excluded.lsn, folded_by = excluded.folded_by,
                    \(ChangeEvents.accumulated)
                """,
            arguments: [
                "side": truncate["side"], "mapping": truncate["mapping"], "lsn": truncate["lsn"], "time": truncate["commit_time"],
                "cycle": cycle,
            ])
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
