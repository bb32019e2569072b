import GRDB
import ParityModel

/// When a close merges `row_delta` into `row_state` (migrations/009): once the delta holds at least
/// `minimumRows` rows and at least one row for every `stateRowsPerDeltaRow` rows of state.
public struct DeltaMergePolicy: Sendable, Equatable {
    /// Below this many delta rows there is never a merge: a small delta costs reads nothing worth a rewrite.
    public var minimumRows: Int
    /// The share of state the delta may reach before a merge, as state rows per delta row (4: a quarter).
    public var stateRowsPerDeltaRow: Int
    /// Delta rows merged per store transaction: capture's writes wait at most one of them, not the whole merge.
    public var rowsPerTransaction: Int

    /// Creates a policy.
    public init(minimumRows: Int, stateRowsPerDeltaRow: Int, rowsPerTransaction: Int = 100_000) {
        self.minimumRows = minimumRows
        self.stateRowsPerDeltaRow = stateRowsPerDeltaRow
        self.rowsPerTransaction = max(1, rowsPerTransaction)
    }

    /// Merge at a quarter of the state, and not below 10,000 rows; 100,000 rows per transaction.
    public static let standard = DeltaMergePolicy(minimumRows: 10_000, stateRowsPerDeltaRow: 4)
}

/// The state as of the last closed cycle end: `row_state` overridden by `row_delta`, where a close folds
/// its changes (a NULL image there: the key no longer exists).
enum RowDelta {
    /// The image text of a key as of the last closed cycle end; nil when the key does not exist.
    static func closedValues(_ db: Database, side: SourceSide, mapping: String, key: String) throws -> String? {
        let arguments: StatementArguments = [side, mapping, key]
        if let delta = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT row_values FROM row_delta WHERE side = ? AND mapping = ? AND row_key = ?"),
            arguments: arguments)
        {
            return delta["row_values"]
        }
        return try String.fetchOne(
            db.cachedStatement(sql: "SELECT row_values FROM row_state WHERE side = ? AND mapping = ? AND row_key = ?"),
            arguments: arguments)
    }

    /// Every key of `:side` and `:mapping` that exists as of the last closed cycle end, with its image
    /// (`row_key`, `row_values`), each half in key order.
    static let closedRows = """
        SELECT row_key, row_values FROM row_state AS state WHERE side = :side AND mapping = :mapping AND NOT EXISTS (
            SELECT 1 FROM row_delta AS d WHERE d.side = state.side AND d.mapping = state.mapping AND d.row_key = state.row_key)
        UNION ALL
        SELECT row_key, row_values FROM row_delta WHERE side = :side AND mapping = :mapping AND row_values IS NOT NULL
        """

    /// Whether the policy says the delta has grown large enough to be merged into row state (``mergePart(_:rows:)``).
    static func isMergeDue(_ db: Database, policy: DeltaMergePolicy) throws -> Bool {
        let deltaRows = try Int.fetchOne(db, sql: "SELECT count(*) FROM row_delta") ?? 0
        guard deltaRows >= policy.minimumRows else { return false }
        let stateRows = try Int.fetchOne(db, sql: "SELECT CAST(value AS INTEGER) FROM store_info WHERE key = 'row_state_rows'") ?? 0
        return deltaRows * policy.stateRowsPerDeltaRow >= stateRows
    }

    /// Applies the first `rows` delta rows in key order to row state and removes them from the delta, keeping
    /// the recorded row count exact; returns whether delta rows remain. Each part leaves the state as of the
    /// last closed cycle unchanged (its rows move from one level to the other), so a merge may stop anywhere.
    static func mergePart(_ db: Database, rows: Int) throws -> Bool {
        guard let last = try Row.fetchOne(
            db, sql: "SELECT side, mapping, row_key FROM row_delta ORDER BY side, mapping, row_key LIMIT 1 OFFSET ?",
            arguments: [rows - 1])
        else {
            try apply(db, range: "true", arguments: [])
            return false
        }
        try apply(db, range: "(side, mapping, row_key) <= (?, ?, ?)", arguments: [last["side"], last["mapping"], last["row_key"]])
        return try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM row_delta)") ?? false
    }

    /// Moves the delta rows in `range` (an SQL condition on their key) into row state.
    private static func apply(_ db: Database, range: String, arguments: StatementArguments) throws {
        let inState = "SELECT 1 FROM row_state AS s WHERE s.side = d.side AND s.mapping = d.mapping AND s.row_key = d.row_key"
        try db.execute(
            sql: """
                UPDATE store_info SET value = CAST(value AS INTEGER)
                    + (SELECT count(*) FROM row_delta AS d WHERE \(range) AND row_values IS NOT NULL AND NOT EXISTS (\(inState)))
                    - (SELECT count(*) FROM row_delta AS d WHERE \(range) AND row_values IS NULL AND EXISTS (\(inState)))
                WHERE key = 'row_state_rows'
                """,
            arguments: arguments + arguments)
        try db.execute(
            sql: """
                DELETE FROM row_state WHERE (side, mapping, row_key) IN
                    (SELECT side, mapping, row_key FROM row_delta WHERE \(range) AND row_values IS NULL)
                """,
            arguments: arguments)
        // An update in place: REPLACE would delete and reinsert every changed row.
        try db.execute(
            sql: """
                INSERT INTO row_state (side, mapping, row_key, row_values, commit_time, lsn)
                SELECT side, mapping, row_key, row_values, commit_time, lsn FROM row_delta WHERE \(range) AND row_values IS NOT NULL
                ON CONFLICT (side, mapping, row_key) DO UPDATE SET
                    row_values = excluded.row_values, commit_time = excluded.commit_time, lsn = excluded.lsn
                """,
            arguments: arguments)
        try db.execute(sql: "DELETE FROM row_delta WHERE \(range)", arguments: arguments)
    }

    /// Records how many rows row_state holds (the merge threshold's measure).
    static func countStateRows(_ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO store_info (key, value) SELECT 'row_state_rows', count(*) FROM row_state WHERE true
            ON CONFLICT (key) DO UPDATE SET value = excluded.value
            """)
    }

    /// Adds `rows` to the recorded row count (baseline rows written by init).
    static func addStateRows(_ db: Database, _ rows: Int) throws {
        try db.cachedStatement(sql: """
            INSERT INTO store_info (key, value) VALUES ('row_state_rows', ?)
            ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + CAST(excluded.value AS INTEGER)
            """).execute(arguments: [rows])
    }
}
