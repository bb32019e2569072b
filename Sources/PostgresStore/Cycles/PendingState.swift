import ParityModel
import ParityStore
import PostgresClient

/// The row state a cycle's end gives where row state has not caught up with it: the pending changes committed before
/// the end over row state (a close that does not fold first, and the changes of closed cycles not folded yet,
/// ``CycleFold/foldClosed(_:before:parts:)``). A key's last change (commit order) before the end is its state; a delete,
/// or the old key of an update that changed it (`moved`), leaves it absent.
struct PendingState {
    /// The commit times the changes read cover: `[from, before)`.
    let from: Int64
    let before: Int64
    /// Changes at or after it are the cycle's own: their keys are changed, with their latest commit time and events; nil
    /// when none is (the state as of a closed cycle).
    let changedAfter: Int64?
    /// The parts read.
    let parts: ClosedRange<Int>

    /// Each key's last change of `mapping` on `side` as ``StateRow`` columns (`row_key`, `row_values` NULL for an absent
    /// key, `changed_at`, `events`), in key order.
    func latestChanges(side: SourceSide, mapping: String) -> PostgresQuery {
        let changedAfter = changedAfter ?? Int64.max
        return """
            SELECT row_key, CASE WHEN op IN ('delete', 'moved') THEN NULL ELSE row_values END AS row_values,
                CASE WHEN commit_time >= \(changedAfter) THEN commit_time END AS changed_at, events
            FROM (
                SELECT row_key, op, row_values, commit_time, row_number() OVER latest_first AS rank,
                    bit_or(CASE WHEN commit_time >= \(changedAfter) THEN \(unsafeSQL: ChangeEvents.bitsSQL) END)
                        OVER (latest_first ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS events
                FROM pending_change
                WHERE side = \(side.rawValue) AND mapping = \(mapping) AND part BETWEEN \(parts.lowerBound) AND \(parts.upperBound)
                    AND commit_time >= \(from) AND commit_time < \(before)
                WINDOW latest_first AS (PARTITION BY row_key ORDER BY commit_lsn DESC, seq DESC)
            ) AS c
            WHERE rank = 1 ORDER BY row_key
            """
    }

    /// Whether any change of `mapping` on `side` is read.
    func anyChange(side: SourceSide, mapping: String, in transaction: StoreTransaction) throws -> Bool {
        try transaction.row("""
            SELECT 1 FROM pending_change
            WHERE side = \(side.rawValue) AND mapping = \(mapping) AND part BETWEEN \(parts.lowerBound) AND \(parts.upperBound)
                AND commit_time >= \(from) AND commit_time < \(before)
            LIMIT 1
            """) != nil
    }

    /// How many changes are read, on both sides.
    func count(in transaction: StoreTransaction) throws -> Int64 {
        Int64(try transaction.value("""
            SELECT count(*) FROM pending_change
            WHERE part BETWEEN \(parts.lowerBound) AND \(parts.upperBound) AND commit_time >= \(from) AND commit_time < \(before)
            """) ?? "0") ?? 0
    }

    /// The last change of `key` before `end`, as `(found, image text)`: found false when no change is pending (row state
    /// holds the key's state), the image nil when the change left the key absent.
    static func lastChange(
        side: SourceSide, mapping: String, key: String, part: Int, before end: Int64, in transaction: StoreTransaction
    ) throws -> (found: Bool, values: String?) {
        guard let change = try transaction.row(lastChangeQuery(side: side, mapping: mapping, key: key, part: part, before: end)) else {
            return (false, nil)
        }
        return try ["delete", "moved"].contains(change.text("op")) ? (true, nil) : (true, change["row_values"])
    }

    /// The statement ``lastChange(side:mapping:key:part:before:in:)`` runs: `op` and `row_values` of the key's last change.
    static func lastChangeQuery(side: SourceSide, mapping: String, key: String, part: Int, before end: Int64) -> PostgresQuery {
        """
        SELECT op, row_values FROM pending_change
        WHERE part = \(part) AND side = \(side.rawValue) AND mapping = \(mapping) AND row_key = \(key) AND commit_time < \(end)
        ORDER BY commit_lsn DESC, seq DESC LIMIT 1
        """
    }
}

extension ChangeEvents {
    /// A change's kind (`op`) as its ``ChangeEvents`` bits, in SQL.
    static let bitsSQL = "CASE op WHEN 'insert' THEN 1 WHEN 'update' THEN 2 WHEN 'moved' THEN 2 WHEN 'delete' THEN 4 END"
}
