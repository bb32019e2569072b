import ParityModel
import ParityStore

extension PostgresStore {
    /// Calls `body` with a reader of what the store holds for `mapping` on `side` as of source position `lsn`, in one
    /// snapshot (capture and closes go on meanwhile): the row state as of the last closed cycle, and every captured change
    /// of a transaction that committed before `lsn`, each in key order. After the last truncate before `lsn`, only the
    /// changes that follow it. Errors `body` throws pass through as they are.
    public func withSourceState<T>(side: SourceSide, mapping: String, asOf lsn: Int64, _ body: (any SourceStateReader) throws -> T) throws -> T {
        try sessions.passingErrors { session in
            try session.passingErrors(.snapshotRead) { transaction in
                let reader: PostgresSourceStateReader
                do {
                    reader = try PostgresSourceStateReader(store: self, transaction: transaction, side: side, mapping: mapping, position: lsn)
                } catch {
                    throw StoreErrors.from(error, doing: "reading the store", location: location)
                }
                return try body(reader)
            }
        }
    }
}

/// What the store holds for one side and mapping as of a source position, read from server-side cursors one row at a
/// time. Row state has one level here: every state row comes from ``nextStateRow()``, and ``nextDeltaRow()`` has none.
final class PostgresSourceStateReader: SourceStateReader {
    /// Whether a truncate committed before the position: the row state as of the last closed cycle no longer counts.
    let truncated: Bool
    private let store: PostgresStore
    private let transaction: StoreTransaction
    private let state: ServerCursor?
    private let changes: ServerCursor

    init(store: PostgresStore, transaction: StoreTransaction, side: SourceSide, mapping: String, position: Int64) throws {
        self.store = store
        self.transaction = transaction
        let truncate = try transaction.row("""
            SELECT commit_lsn, seq FROM pending_truncate
            WHERE side = \(side.rawValue) AND mapping = \(mapping) AND commit_lsn < \(position) ORDER BY commit_lsn DESC, seq DESC LIMIT 1
            """)
        truncated = truncate != nil
        state = truncated ? nil : try transaction.cursor("""
            SELECT row_key, row_values, lsn FROM row_state
            WHERE \(rowStateOf: side, mapping: mapping) AND row_values IS NOT NULL ORDER BY row_key
            """)
        // A moved row (an update that changed its key) deletes its old key; it sorts before the change under the new key
        // at the same position, which only matters when both keys are one (never written).
        changes = try transaction.cursor("""
            SELECT row_key, row_values FROM pending_change
            WHERE side = \(side.rawValue) AND mapping = \(mapping) AND commit_lsn < \(position)
                AND (commit_lsn, seq) > (\(try truncate?.int64("commit_lsn") ?? Int64.min), \(try truncate?.int("seq") ?? Int(Int32.min)))
                AND (op IN ('delete', 'moved') OR row_values IS NOT NULL)
            ORDER BY row_key, commit_lsn, seq, op = 'moved' DESC
            """)
    }

    /// The next key of the row state as of the last closed cycle, in key order; nil after the last, and always after a
    /// truncate.
    func nextStateRow() throws(StoreError) -> ClosedSourceRow? {
        do {
            guard let row = try state?.next() else { return nil }
            let image = row["row_values"]
            return ClosedSourceRow(
                key: try row.text("row_key"), image: image, columns: try store.layouts.columns(of: image, in: transaction), lsn: try row.int64("lsn"))
        } catch {
            throw StoreErrors.from(error, doing: "reading the store", location: store.location)
        }
    }

    /// None: the state has one level, all of it in ``nextStateRow()``.
    func nextDeltaRow() throws(StoreError) -> ClosedSourceRow? { nil }

    /// The next captured change before the position (after the last truncate), in key order and commit order within a
    /// key; nil after the last.
    func nextChange() throws(StoreError) -> CapturedSourceChange? {
        do {
            guard let row = try changes.next() else { return nil }
            let image = row["row_values"]
            return CapturedSourceChange(key: try row.text("row_key"), image: image, columns: try store.layouts.columns(of: image, in: transaction))
        } catch {
            throw StoreErrors.from(error, doing: "reading the store", location: store.location)
        }
    }
}
