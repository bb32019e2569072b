import GRDB

/// Which delta rows a close's fold wrote (`CycleFold`), and how the close finds them.
///
/// The delta holds the rows of every close since its last merge; those a fold wrote carry its cycle
/// (`folded_by`), which no index covers, so finding them meant reading the side's whole delta. The close after
/// one that changed 1M keys per side read those 2M delta rows to find the few keys of its own (0.3 s and more
/// on the benchmark's store). A fold of few changes now lists the keys they touch, and the close looks them up.
enum FoldedKeys: Sendable {
    /// The fold wrote no delta row.
    case none
    /// The keys the fold touched are listed in the TEMP table `cycle_key`.
    case listed
    /// Too many to list: the close reads each side's delta and keeps the cycle's rows.
    case unlisted

    /// The most pending changes whose keys a fold lists; past it, reading the delta costs less than looking
    /// each key up.
    static let listLimit = 10_000

    /// Lists the keys of the pending changes committed before `end` in `temp.cycle_key` (scratch space of the
    /// close on the writer's connection, not part of the store's schema) when there are at most ``listLimit``
    /// changes. Returns whether it did.
    static func list(_ db: Database, before end: Int64) throws -> Bool {
        let changes = try Int.fetchOne(
            db, sql: "SELECT count(*) FROM (SELECT 1 FROM \(PendingChanges.before) LIMIT \(listLimit + 1))",
            arguments: ["end": end]) ?? 0
        guard changes <= listLimit else { return false }
        try db.execute(sql: """
            CREATE TEMP TABLE IF NOT EXISTS cycle_key (
                side TEXT NOT NULL, mapping TEXT NOT NULL, row_key TEXT NOT NULL, PRIMARY KEY (side, mapping, row_key)
            ) WITHOUT ROWID
            """)
        try db.execute(sql: "DELETE FROM temp.cycle_key")
        try db.execute(
            sql: """
                INSERT OR IGNORE INTO temp.cycle_key (side, mapping, row_key)
                SELECT side, mapping, row_key FROM \(PendingChanges.before) WHERE row_key IS NOT NULL
                UNION ALL
                SELECT side, mapping, old_key FROM \(PendingChanges.keyChangesBefore)
                """,
            arguments: ["end": end])
        return true
    }

    /// Drops the list, once the close has compared.
    static func drop(_ db: Database) throws {
        try db.execute(sql: "DROP TABLE IF EXISTS temp.cycle_key")
    }

    /// The delta rows of `:side` and `:mapping` the fold of `:cycle` wrote (row_key, row_values, commit_time, events),
    /// in key order; nil when it wrote none.
    var rowsSQL: String? {
        switch self {
        case .none:
            return nil
        case .listed:
            return """
                SELECT d.row_key, d.row_values, d.commit_time, d.events FROM temp.cycle_key AS k
                JOIN row_delta AS d ON d.side = k.side AND d.mapping = k.mapping AND d.row_key = k.row_key
                WHERE k.side = :side AND k.mapping = :mapping AND d.folded_by = :cycle ORDER BY k.row_key
                """
        case .unlisted:
            return """
                SELECT row_key, row_values, commit_time, events FROM row_delta
                WHERE side = :side AND mapping = :mapping AND folded_by = :cycle ORDER BY row_key
                """
        }
    }
}
