import GRDB

/// One side's rows of a mapping as the store holds them at a source position, for `parity verify --sources`.
public struct StoredSourceState: Sendable {
    /// Key text (JSON array) → the row's image, for every row that existed at the position.
    public var images: [String: [String: String?]]
    /// Keys whose state at the position the store no longer holds: a close folded a later change of theirs.
    public var unknown: Set<String>
}

extension ParityStore {
    /// The rows of `mapping` on `side` as of source position `lsn`: the row state as of the last closed cycle, then
    /// every captured change (ordinary or streamed) of a transaction that committed before `lsn`, in commit order.
    /// A key whose folded state comes from a change at or after `lsn` is `unknown`: its earlier image is gone. Read in
    /// one transaction, so capture and closes may go on.
    public func sourceState(side: String, mapping: String, asOf lsn: Int64) throws(StoreError) -> StoredSourceState {
        try read { db in
            var state = StoredSourceState(images: [:], unknown: [])
            let arguments: StatementArguments = ["side": side, "mapping": mapping, "lsn": lsn]
            let closed = try Row.fetchCursor(db, sql: Self.closedRowsWithPosition, arguments: arguments)
            while let row = try closed.next() {
                let key: String = row["row_key"]
                if (row["lsn"] as Int64) >= lsn {
                    state.unknown.insert(key)
                } else if let values: String = row["row_values"] {
                    state.images[key] = try layouts.decode(values, db) ?? [:]
                }
            }
            let changes = try Row.fetchCursor(db, sql: Self.changesBefore, arguments: arguments)
            while let change = try changes.next() {
                let key: String? = change["row_key"]
                switch change["op"] as String {
                case "truncate":
                    state.images.removeAll()
                    state.unknown.removeAll()
                case "delete":
                    if let key { state.images[key] = nil }
                default:
                    if let old: String = change["old_key"] { state.images[old] = nil }
                    if let key, let values: String = change["row_values"] { state.images[key] = try layouts.decode(values, db) ?? [:] }
                }
            }
            return state
        }
    }

    /// Every key of `:side` and `:mapping` as of the last closed cycle (deleted ones too), with the position of the change
    /// that left it so.
    private static let closedRowsWithPosition = """
        SELECT row_key, row_values, lsn FROM row_state AS state
        WHERE side = :side AND mapping = :mapping AND NOT EXISTS (
            SELECT 1 FROM row_delta AS d WHERE d.side = state.side AND d.mapping = state.mapping AND d.row_key = state.row_key)
        UNION ALL
        SELECT row_key, row_values, lsn FROM row_delta WHERE side = :side AND mapping = :mapping
        """

    /// The captured changes not yet folded of transactions that committed before `:lsn`, in commit order.
    private static let changesBefore = """
        SELECT commit_lsn, seq, op, row_key, old_key, row_values FROM pending_change
        WHERE side = :side AND mapping = :mapping AND commit_lsn < :lsn
        UNION ALL
        SELECT t.commit_lsn, c.seq, c.op, c.row_key, c.old_key, c.row_values
        FROM streamed_change AS c JOIN streamed_transaction AS t ON t.stream = c.stream
        WHERE t.side = :side AND c.mapping = :mapping AND t.commit_lsn IS NOT NULL AND t.commit_lsn < :lsn
        ORDER BY 1, 2
        """
}
