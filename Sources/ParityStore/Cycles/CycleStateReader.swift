import GRDB

/// Reads row state as of a cycle's end inside the closing transaction: row state overlaid with the
/// pending changes committed before the end, and which keys those changes touched.
public final class CycleStateReader {
    /// The pending changes of one side and mapping committed before the end, applied in commit order.
    private struct Overlay {
        /// Key → image after the changes (nil: deleted).
        var images: [String: [String: String?]?] = [:]
        /// Whether a truncate cleared the mapping's state rows.
        var truncated = false
        /// Key → latest commit time of a change to it.
        var changed: [String: Int64] = [:]
    }

    private let db: Database
    private let end: Int64?
    private let cycle: Int64
    private var overlays: [String: Overlay] = [:]

    init(db: Database, end: Int64?, cycle: Int64) {
        self.db = db
        self.end = end
        self.cycle = cycle
    }

    /// Keys (JSON array text) changed on `side` before the end, with each key's latest commit time (µs since 1970).
    public func changedKeys(side: String, mapping: String) throws -> [String: Int64] {
        try overlay(side: side, mapping: mapping).changed
    }

    /// The image of `rowKey` on `side` as of the end; nil when the row does not exist.
    public func image(side: String, mapping: String, rowKey: String) throws -> [String: String?]? {
        let overlay = try overlay(side: side, mapping: mapping)
        if let changed = overlay.images[rowKey] { return changed }
        if overlay.truncated { return nil }
        // Called once per compared key: the statement is prepared once per close, not per call.
        let text = try String.fetchOne(
            db.cachedStatement(sql: "SELECT row_values FROM row_state WHERE side = ? AND mapping = ? AND row_key = ?"),
            arguments: [side, mapping, rowKey])
        return text.map { RowJSON.decodeImage($0) ?? [:] }
    }

    /// Every key that exists on `side` as of the end.
    public func keys(side: String, mapping: String) throws -> [String] {
        let overlay = try overlay(side: side, mapping: mapping)
        var keys = Set(overlay.truncated ? [] : try stateKeys(side: side, mapping: mapping))
        for (key, image) in overlay.images {
            if image == nil { keys.remove(key) } else { keys.insert(key) }
        }
        return keys.sorted()
    }

    /// Calls `body` with every row on `side` as of the end (key text and image), state rows streamed from disk.
    public func forEachImage(side: String, mapping: String, _ body: (String, [String: String?]) throws -> Void) throws {
        let overlay = try overlay(side: side, mapping: mapping)
        if !overlay.truncated {
            let rows = try Row.fetchCursor(
                db, sql: "SELECT row_key, row_values FROM row_state WHERE side = ? AND mapping = ?", arguments: [side, mapping])
            while let row = try rows.next() {
                let key: String = row["row_key"]
                guard overlay.images[key] == nil else { continue }
                try body(key, RowJSON.decodeImage(row["row_values"]) ?? [:])
            }
        }
        for (key, image) in overlay.images {
            if let image { try body(key, image) }
        }
    }

    /// Every flow day's latest aggregate row recorded before this cycle.
    public func previousFlowResults() throws -> [StoredAggregateResult] {
        try Row.fetchAll(db, sql: ParityStore.latestFlowSQL, arguments: [cycle - 1]).map(StoredAggregateResult.init(row:))
    }

    /// The tables each `side` transaction committed in `[start, end)` wrote (`schema.table` → rows), in commit order.
    public func transactionWrites(side: String, from start: Int64, to end: Int64) throws -> [[String: Int]] {
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
    public func previousInventory(side: String) throws -> StoredInventory? {
        try ParityStore.inventory(db, side: side, atOrBefore: cycle - 1)?.1
    }

    /// Canonical keys (JSON array text) of `mapping` carried into this cycle.
    public func carriedKeys(mapping: String) throws -> [String] {
        try String.fetchAll(
            db, sql: "SELECT canonical_key FROM carried_key WHERE cycle = ? AND mapping = ? ORDER BY canonical_key",
            arguments: [cycle, mapping])
    }

    private func stateKeys(side: String, mapping: String) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT row_key FROM row_state WHERE side = ? AND mapping = ?", arguments: [side, mapping])
    }

    private func overlay(side: String, mapping: String) throws -> Overlay {
        let name = side + "\u{0}" + mapping
        if let overlay = overlays[name] { return overlay }
        var overlay = Overlay()
        if let end {
            let changes = try Row.fetchCursor(
                db,
                sql: """
                    SELECT op, row_key, old_key, row_values, commit_time FROM pending_change
                    WHERE side = ? AND mapping = ? AND commit_time < ? ORDER BY commit_lsn, seq
                    """,
                arguments: [side, mapping, end])
            while let row = try changes.next() {
                let time: Int64 = row["commit_time"]
                let key: String? = row["row_key"]
                switch row["op"] as String {
                case "truncate":
                    let existing = overlay.truncated ? [] : try stateKeys(side: side, mapping: mapping)
                    for gone in existing + overlay.images.keys { overlay.changed[gone] = time }
                    overlay.images = overlay.images.mapValues { _ in nil }
                    overlay.truncated = true
                case "delete":
                    if let key { overlay.images[key] = .some(nil); overlay.changed[key] = time }
                default:
                    if let oldKey = row["old_key"] as String? { overlay.images[oldKey] = .some(nil); overlay.changed[oldKey] = time }
                    if let key {
                        overlay.images[key] = .some(RowJSON.decodeImage(row["row_values"]) ?? [:])
                        overlay.changed[key] = time
                    }
                }
            }
        }
        overlays[name] = overlay
        return overlay
    }
}
