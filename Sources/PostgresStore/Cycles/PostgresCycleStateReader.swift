import ParityModel
import ParityStore
import PostgresClient

/// Reads row state as of a cycle's end inside the closing transaction, or as of the last closed cycle (cycle -1: nothing
/// changed). Row state holds that state, overlaid with the pending changes committed before the end where it has not
/// caught up with it (``overlay``: a close that compares without folding, and closed cycles' changes not folded yet).
/// The keys the cycle changed are the rows its fold wrote, as `folded_key` lists them (``CycleFold``), or, for a close
/// that does not fold, its own pending changes (the overlay's from ``PendingState/changedAfter``). Rows stream from
/// server-side cursors, so memory stays flat however large the tables are.
///
/// A close task's reader sees the keys of its parts only (``parts``): their changed keys, rows, open and carried keys.
final class PostgresCycleStateReader: CycleStateReader {
    private let store: PostgresStore
    private let transaction: StoreTransaction
    private let cycle: Int64
    /// Whether no key changed on either side.
    let changedNothing: Bool
    /// The pending changes over row state; nil when row state holds the state.
    private let overlay: PendingState?
    /// The parts whose keys the reader streams: every part, or a close task's.
    private let parts: ClosedRange<Int>

    init(
        store: PostgresStore, transaction: StoreTransaction, cycle: Int64, changedNothing: Bool, overlay: PendingState?,
        parts: ClosedRange<Int>? = nil
    ) {
        self.store = store
        self.transaction = transaction
        self.cycle = cycle
        self.changedNothing = changedNothing
        self.overlay = overlay
        self.parts = parts ?? KeyPartition.everyPart
    }

    /// Keys (JSON array text) changed on `side` before the end, with each key's latest commit time (µs since 1970).
    func changedKeys(side: SourceSide, mapping: String) throws -> [ExactText: Int64] {
        var keys: [ExactText: Int64] = [:]
        guard !changedNothing else { return keys }
        let rows = try transaction.cursor(changedRows(side: side, mapping: mapping))
        while let row = try rows.next() { keys[ExactText(try row.text("row_key"))] = try row.int64("changed_at") }
        return keys
    }

    /// The image of `rowKey` on `side` as of the end; nil when the row does not exist.
    func image(side: SourceSide, mapping: String, rowKey: String) throws -> [String: String?]? {
        try store.stateValues(side: side, mapping: mapping, key: rowKey, before: overlay?.before, in: transaction)
            .map { try store.layouts.decode($0, key: rowKey, in: transaction) }
    }

    /// The rows of `side` in key order (byte order of the key text), streamed: with `changedOnly`, the keys changed before
    /// the end (a deleted key with nil values); otherwise every row that exists as of the end.
    func rows(side: SourceSide, mapping: String, changedOnly: Bool) throws -> any StateRowCursor {
        if changedOnly {
            if changedNothing { return PostgresStateRowCursor(nil, transaction: transaction, layouts: store.layouts) }
            return try cursor(changedRows(side: side, mapping: mapping))
        }
        let state: PostgresQuery = """
            SELECT row_key, row_values, CASE WHEN folded_by = \(cycle) THEN commit_time END AS changed_at,
                CASE WHEN folded_by = \(cycle) THEN events END AS events
            FROM row_state WHERE \(rowStateOf: side, mapping: mapping) AND row_values IS NOT NULL
                AND part BETWEEN \(parts.lowerBound) AND \(parts.upperBound) ORDER BY row_key
            """
        guard let overlay, try overlay.anyChange(side: side, mapping: mapping, in: transaction) else { return try cursor(state) }
        // The changes before row state: a fold of closed changes committing in between moves some from the one to the
        // other, and the overlay reads them alike.
        let changes = try cursor(overlay.latestChanges(side: side, mapping: mapping))
        return OverlaidStateRowCursor(state: try cursor(state), changes: changes)
    }

    /// The rows the cycle changed of `mapping` on `side` in the reader's parts (``StateRow`` columns), in key order.
    private func changedRows(side: SourceSide, mapping: String) -> PostgresQuery {
        if let overlay, let changedAfter = overlay.changedAfter {
            return PendingState(from: changedAfter, before: overlay.before, changedAfter: changedAfter, parts: parts)
                .latestChanges(side: side, mapping: mapping)
        }
        return """
            SELECT row_key, row_values, commit_time AS changed_at, events FROM folded_key
            WHERE cycle = \(cycle) AND side = \(side.rawValue) AND mapping = \(mapping)
                AND part BETWEEN \(parts.lowerBound) AND \(parts.upperBound)
            ORDER BY row_key
            """
    }

    private func cursor(_ query: PostgresQuery) throws -> PostgresStateRowCursor {
        PostgresStateRowCursor(try transaction.cursor(query), transaction: transaction, layouts: store.layouts)
    }

    /// Every flow day's latest aggregate row recorded before this cycle.
    func previousFlowResults() throws -> [AggregateGroupResult] {
        try transaction.rows(PostgresStore.latestFlows(asOf: cycle - 1, suffix: "")).map(AggregateGroupResult.init(row:))
    }

    /// The tables each `side` transaction committed in `[start, end)` wrote (`schema.table` → rows), in commit order.
    func transactionWrites(side: SourceSide, from start: Int64, to end: Int64) throws -> [[String: Int]] {
        let rows = try transaction.cursor("""
            SELECT commit_lsn, table_name, inserts + updates + deletes + truncates AS rows FROM transaction_write
            WHERE side = \(side.rawValue) AND commit_time >= \(start) AND commit_time < \(end) ORDER BY commit_lsn
            """)
        var transactions: [[String: Int]] = []
        var current: Int64?
        while let row = try rows.next() {
            let lsn = try row.int64("commit_lsn")
            if lsn != current { transactions.append([:]); current = lsn }
            transactions[transactions.count - 1][try row.text("table_name"), default: 0] += try row.int("rows")
        }
        return transactions
    }

    /// The inventory of `side` recorded before this cycle.
    func previousInventory(side: SourceSide) throws -> InventorySnapshot? {
        try PostgresStore.inventory(side: side, atOrBefore: cycle - 1, in: transaction)?.1
    }

    /// The canonical keys of `mapping` with an open difference, in key byte order.
    func openDifferenceKeys(mapping: String) throws -> [CanonicalKey] {
        try transaction.rows("""
            SELECT DISTINCT canonical_key FROM difference WHERE mapping = \(mapping) AND resolved_cycle IS NULL
                AND part BETWEEN \(parts.lowerBound) AND \(parts.upperBound) ORDER BY canonical_key
            """).map { CanonicalKey(try $0.text("canonical_key")) }
    }

    /// Never: a PostgreSQL store has had the ledger since it was created, so no finding predates it.
    func rebuildsLedger() throws -> Bool { false }

    /// The rules (a hash of the config text) the ledger's open differences were last compared under; nil before any.
    func ledgerRules() throws -> String? {
        try transaction.value("SELECT value FROM store_info WHERE key = 'difference_rules'")
    }

    /// None: the ledger never needs a rebuild (``rebuildsLedger()``).
    func keysToRebuild(mapping: String) throws -> [[String: String?]] { [] }

    /// Where each mapping was copied on each side.
    func mappingSources() throws -> [MappingSource] {
        try PostgresStore.mappingSources(in: transaction)
    }

    /// The cycle that first compared each mapping.
    func mappingBaselines() throws -> [String: Int64] {
        try PostgresStore.mappingBaselines(in: transaction)
    }

    /// Canonical keys (JSON array text) of `mapping` carried into this cycle, in key byte order.
    func carriedKeys(mapping: String) throws -> [CanonicalKey] {
        try transaction.rows("""
            SELECT canonical_key FROM carried_key WHERE cycle = \(cycle) AND mapping = \(mapping)
                AND part BETWEEN \(parts.lowerBound) AND \(parts.upperBound) ORDER BY canonical_key
            """).map { CanonicalKey(try $0.text("canonical_key")) }
    }

    /// The scope `mapping` was last compared under, before this cycle (nil: never scoped).
    func previousScope(mapping: String) throws -> ScopeShare? {
        try PostgresStore.previousScope(mapping: mapping, before: cycle, in: transaction)
    }

    func keyPlacements() throws -> [String: [KeyNormalizer]] {
        try store.placement(in: transaction).normalizers
    }
}
