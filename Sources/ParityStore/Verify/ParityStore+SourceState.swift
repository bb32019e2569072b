import GRDB
import ParityModel

extension ParityStore {
    /// Calls `body` with a reader of what the store holds for `mapping` on `side` as of source position `lsn`, in one
    /// read transaction (capture and closes go on meanwhile): the row state as of the last closed cycle, in its two
    /// levels (`row_state` and the `row_delta` that overrides it, migrations/009), and every captured change (ordinary or
    /// streamed) of a transaction that committed before `lsn`, each in key order. After the last truncate before `lsn`,
    /// only the changes that follow it. Errors `body` throws pass through as they are.
    public func withSourceState<T>(side: SourceSide, mapping: String, asOf lsn: Int64, _ body: (any SourceStateReader) throws -> T) throws -> T {
        try pool.read { db in
            let reader: SQLiteSourceStateReader
            do {
                reader = try SQLiteSourceStateReader(db: db, layouts: layouts, side: side, mapping: mapping, position: lsn, path: path)
            } catch {
                throw SQLiteSourceStateReader.failure(error, path: path)
            }
            return try body(reader)
        }
    }
}

/// A key's row in one level of the row state as of the last closed cycle (`SourceStateReader`).
public struct ClosedSourceRow: Sendable {
    /// The key text (JSON array).
    public var key: String
    /// The stored image (``StoredImageForm``); nil when the key no longer existed (a delta row only).
    public var image: String?
    /// The columns of `image`, in the order of its values.
    public var columns: [String]
    /// The position of the change that left the key so.
    public var lsn: Int64

    /// Creates a row.
    package init(key: String, image: String?, columns: [String], lsn: Int64) {
        self.key = key
        self.image = image
        self.columns = columns
        self.lsn = lsn
    }
}

/// A captured change of a key before the position (`SourceStateReader`).
public struct CapturedSourceChange: Sendable {
    /// The key text (JSON array).
    public var key: String
    /// The key's new stored image (``StoredImageForm``); nil when the change deletes the key (a delete, or an update
    /// that moved the row to another key).
    public var image: String?
    /// The columns of `image`, in the order of its values.
    public var columns: [String]

    /// Creates a change.
    package init(key: String, image: String?, columns: [String]) {
        self.key = key
        self.image = image
        self.columns = columns
    }
}

/// What the store holds for one side and mapping as of a source position, read from SQLite cursors one row at a time
/// (``ParityStore/withSourceState(side:mapping:asOf:_:)``).
final class SQLiteSourceStateReader: SourceStateReader {
    /// Whether a truncate committed before the position: the row state as of the last closed cycle no longer counts.
    public let truncated: Bool
    private let db: Database
    private let layouts: ImageLayouts
    private let path: String
    private let state: RowCursor?
    private let delta: RowCursor?
    private let changes: RowCursor
    /// The last layout read and its columns: rows of a table share a few layouts.
    private var last: (layout: Int64, columns: [String])?

    init(db: Database, layouts: ImageLayouts, side: SourceSide, mapping: String, position: Int64, path: String) throws {
        self.db = db
        self.layouts = layouts
        self.path = path
        var arguments: StatementArguments = ["side": side, "mapping": mapping, "lsn": position]
        let truncate = try Row.fetchOne(db, sql: Self.lastTruncate, arguments: arguments)
        truncated = truncate != nil
        arguments += ["after_lsn": truncate?[0] ?? Int64.min, "after_seq": truncate?[1] ?? Int64.min]
        state = truncated ? nil : try Row.fetchCursor(db, sql: Self.stateRows, arguments: arguments)
        delta = truncated ? nil : try Row.fetchCursor(db, sql: Self.deltaRows, arguments: arguments)
        changes = try Row.fetchCursor(db, sql: Self.changesBefore, arguments: arguments)
    }

    /// The next key of `row_state`, in key order (a key `row_delta` holds too is as the delta says); nil after the last,
    /// and always after a truncate.
    public func nextStateRow() throws(StoreError) -> ClosedSourceRow? {
        try next(of: state)
    }

    /// The next key of `row_delta`, in key order (deleted keys too); nil after the last, and always after a truncate.
    public func nextDeltaRow() throws(StoreError) -> ClosedSourceRow? {
        try next(of: delta)
    }

    private func next(of cursor: RowCursor?) throws(StoreError) -> ClosedSourceRow? {
        do {
            guard let row = try cursor?.next() else { return nil }
            let image: String? = row[1]
            return ClosedSourceRow(key: row[0], image: image, columns: try columns(of: image), lsn: row[2])
        } catch {
            throw Self.failure(error, path: path)
        }
    }

    /// The next captured change before the position (after the last truncate), in key order and commit order within a
    /// key; nil after the last.
    public func nextChange() throws(StoreError) -> CapturedSourceChange? {
        do {
            guard let row = try changes.next() else { return nil }
            let image: String? = row[1]
            return CapturedSourceChange(key: row[0], image: image, columns: try columns(of: image))
        } catch {
            throw Self.failure(error, path: path)
        }
    }

    private func columns(of image: String?) throws -> [String] {
        guard let image, let layout = RowJSONDecoder.layout(image) else { return [] }
        if last?.layout != layout { last = (layout, try layouts.columns(for: layout, db)) }
        return last?.columns ?? []
    }

    /// `error`, met reading the store at `path`, as a store error.
    static func failure(_ error: any Error, path: String) -> StoreError {
        error as? StoreError ?? StoreError.sqlite(error, doing: "reading the store", path: path)
    }

    /// The last truncate of `:mapping` on `:side` that committed before `:lsn` (its commit LSN and seq), through the
    /// truncates' partial indexes (migrations/012).
    private static let lastTruncate = """
        SELECT commit_lsn, seq FROM pending_change INDEXED BY pending_change_truncate
        WHERE op = 'truncate' AND side = :side AND mapping = :mapping AND commit_lsn < :lsn
        UNION ALL
        SELECT t.commit_lsn, c.seq FROM streamed_change AS c INDEXED BY streamed_change_truncate
        JOIN streamed_transaction AS t ON t.stream = c.stream
        WHERE c.op = 'truncate' AND t.side = :side AND c.mapping = :mapping AND t.commit_lsn IS NOT NULL AND t.commit_lsn < :lsn
        ORDER BY 1 DESC, 2 DESC LIMIT 1
        """

    /// `row_state` of `:side` and `:mapping` in key order, read as it lies: without looking up each key in `row_delta`,
    /// which the reader's caller merges in.
    private static let stateRows = """
        SELECT row_key, row_values, lsn FROM row_state WHERE side = :side AND mapping = :mapping ORDER BY row_key
        """

    /// `row_delta` of `:side` and `:mapping` in key order (a NULL image: the key no longer exists).
    private static let deltaRows = """
        SELECT row_key, row_values, lsn FROM row_delta WHERE side = :side AND mapping = :mapping ORDER BY row_key
        """

    /// The captured changes of `:side` and `:mapping` not yet folded, of transactions that committed before `:lsn` and
    /// after the change `(:after_lsn, :after_seq)`, as (key, new image or NULL for a deleted key), in key order and
    /// commit order within a key. An update that changed its key also deletes its old key, just before. A change
    /// without an image changes nothing.
    private static let changesBefore = """
        SELECT row_key, row_values, commit_lsn, seq, 1 FROM pending_change INDEXED BY pending_change_by_key
        WHERE side = :side AND mapping = :mapping AND commit_lsn < :lsn AND (commit_lsn, seq) > (:after_lsn, :after_seq)
            AND (op = 'delete' OR (op <> 'truncate' AND row_values IS NOT NULL))
        UNION ALL
        SELECT old_key, NULL, commit_lsn, seq, 0 FROM pending_change INDEXED BY pending_change_key_change
        WHERE old_key IS NOT NULL AND side = :side AND mapping = :mapping AND commit_lsn < :lsn
            AND (commit_lsn, seq) > (:after_lsn, :after_seq)
        UNION ALL
        SELECT c.row_key, CASE WHEN c.op = 'delete' THEN NULL ELSE c.row_values END, t.commit_lsn, c.seq, 1
        FROM streamed_change AS c JOIN streamed_transaction AS t ON t.stream = c.stream
        WHERE t.side = :side AND c.mapping = :mapping AND t.commit_lsn IS NOT NULL AND t.commit_lsn < :lsn
            AND (t.commit_lsn, c.seq) > (:after_lsn, :after_seq)
            AND (c.op = 'delete' OR (c.op <> 'truncate' AND c.row_values IS NOT NULL))
        UNION ALL
        SELECT c.old_key, NULL, t.commit_lsn, c.seq, 0
        FROM streamed_change AS c INDEXED BY streamed_change_key_change JOIN streamed_transaction AS t ON t.stream = c.stream
        WHERE c.old_key IS NOT NULL AND t.side = :side AND c.mapping = :mapping AND t.commit_lsn IS NOT NULL
            AND t.commit_lsn < :lsn AND (t.commit_lsn, c.seq) > (:after_lsn, :after_seq)
        ORDER BY 1, 3, 4, 5
        """
}
