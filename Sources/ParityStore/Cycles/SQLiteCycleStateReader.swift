import GRDB
import ParityModel

/// Reads row state as of a cycle's end inside the closing transaction, after the fold (`CycleFold`): the state
/// as of the last closed cycle (`RowDelta`) now holds the end's state, and the delta rows the close wrote are
/// the keys the cycle's changes touched.
///
/// Rows come from SQLite cursors, so memory stays flat however large the tables are.
final class SQLiteCycleStateReader: CycleStateReader {
    private let db: Database
    private let layouts: ImageLayouts
    private let cycle: Int64
    /// The delta rows the fold wrote: the keys changed in the cycle.
    private let folded: FoldedKeys

    init(db: Database, layouts: ImageLayouts, cycle: Int64, folded: FoldedKeys) {
        self.db = db
        self.layouts = layouts
        self.cycle = cycle
        self.folded = folded
    }

    /// Whether the cycle's fold wrote nothing: no key changed on either side.
    public var changedNothing: Bool {
        if case .none = folded { return true }
        return false
    }

    /// Keys (JSON array text) changed on `side` before the end, with each key's latest commit time (µs since 1970).
    public func changedKeys(side: SourceSide, mapping: String) throws -> [ExactText: Int64] {
        var keys: [ExactText: Int64] = [:]
        guard let sql = folded.rowsSQL else { return keys }
        let rows = try Row.fetchCursor(db, sql: sql, arguments: ["side": side, "mapping": mapping, "cycle": cycle])
        while let row = try rows.next() { keys[ExactText(row[0])] = row[2] }
        return keys
    }

    /// The image of `rowKey` on `side` as of the end; nil when the row does not exist.
    public func image(side: SourceSide, mapping: String, rowKey: String) throws -> [String: String?]? {
        try RowDelta.closedValues(db, side: side, mapping: mapping, key: rowKey).map { try layouts.decode($0, key: rowKey, db) }
    }

    /// The rows of `side` in key order (byte order of the key text), streamed: with `changedOnly`, the keys
    /// changed before the end (a deleted key with nil values); otherwise every row that exists as of the end.
    public func rows(side: SourceSide, mapping: String, changedOnly: Bool) throws -> any StateRowCursor {
        let sql: String
        if changedOnly {
            guard let changed = folded.rowsSQL else { return SQLiteStateRowCursor(nil, db: db, layouts: layouts) }
            sql = changed
        } else {
            sql = Self.everyRow
        }
        return SQLiteStateRowCursor(
            try Row.fetchCursor(db, sql: sql, arguments: ["side": side, "mapping": mapping, "cycle": cycle]),
            db: db, layouts: layouts)
    }

    /// Every row of `:side` and `:mapping` as of the end, in key order. The two halves are each in key order:
    /// SQLite merges them (MERGE (UNION ALL)) instead of sorting every row.
    private static let everyRow = """
        SELECT row_key, row_values, NULL AS commit_time, NULL AS events FROM row_state AS state
        WHERE side = :side AND mapping = :mapping AND NOT EXISTS (
            SELECT 1 FROM row_delta AS d WHERE d.side = state.side AND d.mapping = state.mapping AND d.row_key = state.row_key)
        UNION ALL
        SELECT row_key, row_values, CASE WHEN folded_by = :cycle THEN commit_time END, CASE WHEN folded_by = :cycle THEN events END
        FROM row_delta
        WHERE side = :side AND mapping = :mapping AND row_values IS NOT NULL
        ORDER BY row_key
        """

    /// Every flow day's latest aggregate row recorded before this cycle.
    public func previousFlowResults() throws -> [AggregateGroupResult] {
        try Row.fetchAll(db, sql: ParityStore.latestFlowSQL, arguments: [cycle - 1]).map(AggregateGroupResult.init(row:))
    }

    /// The tables each `side` transaction committed in `[start, end)` wrote (`schema.table` → rows), in commit order.
    public func transactionWrites(side: SourceSide, from start: Int64, to end: Int64) throws -> [[String: Int]] {
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT commit_lsn, table_name, inserts + updates + deletes + truncates AS rows FROM transaction_write
                WHERE side = ? AND commit_time >= ? AND commit_time < ? ORDER BY commit_lsn
                """,
            arguments: [side, start, end])
        var transactions: [[String: Int]] = []
        var current: Int64?
        while let row = try rows.next() {
            let lsn: Int64 = row["commit_lsn"]
            if lsn != current { transactions.append([:]); current = lsn }
            transactions[transactions.count - 1][row["table_name"], default: 0] += row["rows"] as Int
        }
        return transactions
    }

    /// The inventory of `side` recorded before this cycle.
    public func previousInventory(side: SourceSide) throws -> InventorySnapshot? {
        try ParityStore.inventory(db, side: side, atOrBefore: cycle - 1)?.1
    }

    /// The canonical keys of `mapping` with an open difference (compared again at every close), in store key order.
    public func openDifferenceKeys(mapping: String) throws -> [CanonicalKey] {
        try DifferenceLedger.openKeys(db, mapping: mapping)
    }

    /// Whether the ledger must be rebuilt from the keys past findings named (a store from before it).
    public func rebuildsLedger() throws -> Bool {
        try StoreInfo.get(db, "difference_rebuild") != nil
    }

    /// The rules (a hash of the config text) the ledger's open differences were last compared under; nil before any.
    public func ledgerRules() throws -> String? {
        try StoreInfo.get(db, "difference_rules")
    }

    /// The legacy keys (column → text) that findings of `mapping` ever named, when the ledger must be rebuilt from
    /// them (a store from before it); empty otherwise.
    public func keysToRebuild(mapping: String) throws -> [[String: String?]] {
        guard try rebuildsLedger() else { return [] }
        return try String.fetchAll(db, sql: "SELECT DISTINCT row_key FROM finding WHERE mapping = ?", arguments: [mapping])
            .compactMap(RowJSON.decodeImage)
    }

    /// Where each mapping was copied on each side.
    public func mappingSources() throws -> [MappingSource] {
        try ParityStore.mappingSources(db)
    }

    /// The cycle that first compared each mapping.
    public func mappingBaselines() throws -> [String: Int64] {
        try ParityStore.mappingBaselines(db)
    }

    /// Canonical keys (JSON array text) of `mapping` carried into this cycle.
    public func carriedKeys(mapping: String) throws -> [CanonicalKey] {
        try CanonicalKey.fetchAll(
            db, sql: "SELECT canonical_key FROM carried_key WHERE cycle = ? AND mapping = ? ORDER BY canonical_key",
            arguments: [cycle, mapping])
    }

    /// The scope `mapping` was last compared under, before this cycle (nil: never scoped).
    public func previousScope(mapping: String) throws -> ScopeShare? {
        try ParityStore.previousScope(db, mapping: mapping, before: cycle)
    }
}
