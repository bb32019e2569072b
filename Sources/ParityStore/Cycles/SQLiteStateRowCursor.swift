import GRDB

/// Rows of one side in key order, read from SQLite one at a time (`SQLiteCycleStateReader.rows`).
final class SQLiteStateRowCursor: StateRowCursor {
    /// nil when there is no row to read.
    private let cursor: RowCursor?
    private let db: Database
    private let layouts: ImageLayouts
    /// The last layout read and its columns: rows of a table share a few layouts.
    private var last: (layout: Int64, columns: [String])?

    init(_ cursor: RowCursor?, db: Database, layouts: ImageLayouts) {
        self.cursor = cursor
        self.db = db
        self.layouts = layouts
    }

    /// The next row; nil after the last.
    public func next() throws -> StateRow? {
        guard let row = try cursor?.next() else { return nil }
        let values: String? = row[1]
        var columns: [String] = []
        if let values, let layout = RowJSONDecoder.layout(values) {
            if last?.layout != layout { last = (layout, try layouts.columns(for: layout, db)) }
            columns = last?.columns ?? []
        }
        return StateRow(key: row[0], values: values, columns: columns, changedAt: row[2], events: (row[3] as Int?).map(ChangeEvents.init))
    }
}
