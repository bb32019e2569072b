import ParityStore
import PostgresClient

/// Folds the pending changes committed before a cycle's end into row state, and drops them from pending, so the
/// comparison reads the state as of the end where it is stored. The rows the fold writes carry the cycle (`folded_by`)
/// and what happened to their key (`events`, ``ChangeEvents``): they are the keys the cycle changed, and `folded_key`
/// lists them with the rows written, which a close task reads (row state has no index on what the fold writes, so its
/// updates stay on their page: HOT).
///
/// Two steps, so that a close can be shared: ``prepare(_:cycle:before:)`` does what concerns every part (drops the last
/// close's tombstones, applies the truncates and the changes they undo) once per close; ``apply(_:cycle:before:parts:prepared:)``
/// folds the other changes, of every part or of one task's range.
enum CycleFold {
    /// Drops the tombstones of the previous close and applies the last truncate of each mapping before `end`, with the
    /// changes before it; returns whether it wrote any row.
    static func prepare(_ transaction: StoreTransaction, cycle: Int64, before end: Int64) throws -> Bool {
        // Keys deleted by the previous close have been listed as changed by it: they go now, and so does its list.
        try transaction.execute("""
            DELETE FROM row_state AS s USING folded_key AS f
            WHERE f.row_values IS NULL AND \(unsafeSQL: sameRow("f")) AND s.row_values IS NULL
            """)
        try transaction.execute("TRUNCATE folded_key")
        var wrote = false
        for truncate in try lastTruncates(transaction, before: end) {
            wrote = try truncateState(transaction, truncate, cycle: cycle) > 0 || wrote
        }
        // A change made before its mapping's last truncate leaves its key deleted as of the truncate; its kind still
        // counts in the key's events.
        let undone = try transaction.execute("""
            WITH truncates AS (
                SELECT DISTINCT ON (side, mapping) side, mapping, commit_lsn, seq, commit_time FROM pending_truncate
                WHERE commit_time < \(end) ORDER BY side, mapping, commit_lsn DESC, seq DESC
            ), undone AS (
                DELETE FROM pending_change AS c USING truncates AS t
                WHERE c.side = t.side AND c.mapping = t.mapping AND c.commit_time < \(end) AND (c.commit_lsn, c.seq) < (t.commit_lsn, t.seq)
                RETURNING c.part, c.side, c.mapping, c.row_key, c.op, t.commit_lsn AS t_lsn, t.commit_time AS t_time
            ), folded AS (
                INSERT INTO row_state AS s (part, side, mapping, row_key, row_values, commit_time, lsn, folded_by, events)
                SELECT part, side, mapping, row_key, NULL, min(t_time), min(t_lsn), \(cycle)::bigint, \(unsafeSQL: eventBits)
                FROM undone GROUP BY part, side, mapping, row_key
                \(unsafeSQL: upsert)
            )
            \(unsafeSQL: listFolded(cycle))
            """)
        try transaction.execute("DELETE FROM pending_truncate WHERE commit_time < \(end)")
        return wrote || undone > 0
    }

    /// Folds the changes committed before `end` of the keys in `parts` (every part when nil) into row state as cycle
    /// `cycle`; returns how many rows it wrote. Runs after ``prepare(_:cycle:before:)``: no truncate is left before `end`;
    /// `prepared` says whether that step wrote (and listed) any row.
    ///
    /// One statement deletes the changes and folds exactly what it deleted, whatever capture commits meanwhile.
    static func apply(_ transaction: StoreTransaction, cycle: Int64, before end: Int64, parts: ClosedRange<Int>?, prepared: Bool) throws -> Int {
        let parts = parts ?? KeyPartition.everyPart
        // The last change of each key is its state at the end; the kinds of every change of the key add up. One sort, in
        // the primary key's order, gives both, and the upsert then walks the key's index in order.
        return try transaction.execute("""
            WITH changes AS (
                DELETE FROM pending_change WHERE commit_time < \(end) AND part BETWEEN \(parts.lowerBound) AND \(parts.upperBound)
                RETURNING part, side, mapping, row_key, commit_lsn, seq, op, row_values, commit_time
            ), ranked AS (
                SELECT *, row_number() OVER latest_first AS rank,
                    \(unsafeSQL: eventBits) OVER (latest_first ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS events
                FROM changes
                WINDOW latest_first AS (PARTITION BY side, mapping, row_key, part ORDER BY commit_lsn DESC, seq DESC)
            ), folded AS (
                INSERT INTO row_state AS s (part, side, mapping, row_key, row_values, commit_time, lsn, folded_by, events)
                SELECT part, side, mapping, row_key, CASE WHEN op IN ('delete', 'moved') THEN NULL ELSE row_values END,
                    commit_time, commit_lsn, \(cycle)::bigint, events
                FROM ranked WHERE rank = 1
                \(unsafeSQL: upsert)
            )
            \(unsafeSQL: prepared ? listFolded(cycle) : listFoldedOnce(cycle))
            """)
    }

    /// Folds the pending changes of `parts` committed before `end` into row state as they stand, without marking or
    /// listing them: they are closed cycles' changes (``PostgresStore/closedBefore(in:)``), which a close that does not
    /// fold left pending (``PendingState``). A key's last change is its state; a key it leaves absent loses its row.
    /// Returns how many changes it folded.
    ///
    /// The tombstones the recorded closes that folded left (``prepare(_:cycle:before:)``) go too, with their lists.
    static func foldClosed(_ transaction: StoreTransaction, before end: Int64, parts: ClosedRange<Int>) throws -> Int64 {
        try transaction.execute("""
            DELETE FROM row_state AS s USING folded_key AS f
            WHERE f.part BETWEEN \(parts.lowerBound) AND \(parts.upperBound) AND f.row_values IS NULL AND f.cycle IN (SELECT id FROM cycle)
                AND \(unsafeSQL: sameRow("f")) AND s.row_values IS NULL
            """)
        try transaction.execute("""
            DELETE FROM folded_key WHERE part BETWEEN \(parts.lowerBound) AND \(parts.upperBound) AND cycle IN (SELECT id FROM cycle)
            """)
        return Int64(try transaction.value("""
            WITH changes AS (
                DELETE FROM pending_change WHERE commit_time < \(end) AND part BETWEEN \(parts.lowerBound) AND \(parts.upperBound)
                RETURNING part, side, mapping, row_key, commit_lsn, seq, op, row_values, commit_time
            ), latest AS (
                SELECT DISTINCT ON (side, mapping, row_key, part) * FROM changes
                ORDER BY side, mapping, row_key, part, commit_lsn DESC, seq DESC
            ), written AS (
                INSERT INTO row_state AS s (part, side, mapping, row_key, row_values, commit_time, lsn)
                SELECT part, side, mapping, row_key, row_values, commit_time, commit_lsn FROM latest WHERE op NOT IN ('delete', 'moved')
                ON CONFLICT \(unsafeSQL: PostgresStore.primaryKeyColumns) DO UPDATE SET
                    row_values = excluded.row_values, commit_time = excluded.commit_time, lsn = excluded.lsn, folded_by = NULL, events = NULL
                WHERE excluded.lsn >= s.lsn
            ), removed AS (
                DELETE FROM row_state AS s USING latest AS l
                WHERE l.op IN ('delete', 'moved') AND \(unsafeSQL: sameRow("l")) AND s.lsn <= l.commit_lsn
            )
            SELECT count(*) FROM changes
            """) ?? "0") ?? 0
    }

    /// The events of a key's changes (an aggregate over the key's changes), as ``ChangeEvents`` bits.
    private static let eventBits = "bit_or(\(ChangeEvents.bitsSQL))"

    /// A folded row over the stored one: the later position wins; the events of one close add up.
    private static let upsert = """
        ON CONFLICT \(PostgresStore.primaryKeyColumns) DO UPDATE SET
            row_values = excluded.row_values, commit_time = excluded.commit_time, lsn = excluded.lsn, folded_by = excluded.folded_by,
            events = CASE WHEN s.folded_by = excluded.folded_by THEN coalesce(s.events, 0) | excluded.events ELSE excluded.events END
        WHERE excluded.lsn >= s.lsn
        RETURNING s.part, s.side, s.mapping, s.row_key, s.row_values, s.commit_time, s.events
        """

    /// Lists the rows a fold wrote (the CTE `folded`, ``upsert``'s rows) in `folded_key` as cycle `cycle`'s, with what
    /// it wrote; a key the close folded twice (a truncate's, then a later change's) is listed once, with the row written
    /// last.
    private static func listFolded(_ cycle: Int64) -> String {
        listFoldedOnce(cycle) + """

            ON CONFLICT (part, side, mapping, row_key, cycle) DO UPDATE SET
                row_values = excluded.row_values, commit_time = excluded.commit_time, events = excluded.events
            """
    }

    /// Lists the rows a fold wrote as ``listFolded(_:)`` does, when no key can be listed already (the close's first step
    /// listed none, and a fold writes a key once): a plain insert, without the upsert's check of each key.
    private static func listFoldedOnce(_ cycle: Int64) -> String {
        """
        INSERT INTO folded_key (part, side, mapping, row_key, cycle, row_values, commit_time, events)
        SELECT part, side, mapping, row_key, \(cycle), row_values, commit_time, events FROM folded
        """
    }

    /// Matches row state's row `s` to the row of the same key in `other` (a relation with `part`, `side`, `mapping` and
    /// `row_key`), naming the numbers row state's primary key leads with.
    private static func sameRow(_ other: String) -> String {
        """
        s.side_number = side_number_of(\(other).side) AND s.mapping_number = mapping_number_of(\(other).mapping) \
        AND s.row_key = \(other).row_key AND s.part = \(other).part AND s.mapping = \(other).mapping
        """
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
            WITH folded AS (
                UPDATE row_state AS s SET row_values = NULL, commit_time = \(try truncate.int64("commit_time")),
                    lsn = \(try truncate.int64("commit_lsn")), folded_by = \(cycle), events = \(ChangeEvents.truncate.rawValue)
                WHERE \(rowStateOf: try truncate.vocabulary("side"), mapping: try truncate.text("mapping")) AND row_values IS NOT NULL
                RETURNING s.part, s.side, s.mapping, s.row_key, s.row_values, s.commit_time, s.events
            )
            \(unsafeSQL: listFolded(cycle))
            """)
    }
}
