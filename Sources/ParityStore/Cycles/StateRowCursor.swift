import GRDB

/// One row of a side as of a cycle's end.
public struct StateRow: Sendable {
    /// The key (JSON array text).
    public var key: String
    /// The stored image (`ImageLayouts`); nil for a key the cycle's changes deleted.
    public var values: String?
    /// The columns of the image, in the order of its values.
    public var columns: [String]
    /// The latest commit time of a change to the key before the end (µs since 1970); nil when unchanged.
    public var changedAt: Int64?
    /// What the cycle's changes did to the key; nil when unchanged (or folded before migrations/017).
    public var events: ChangeEvents?

    /// The image by column; nil for a deleted key, empty when the stored text is not an image.
    public var image: [String: String?]? {
        values.map { values in
            RowJSONDecoder.positional(values).flatMap { ImageLayouts.image(columns: columns, values: $0.values) } ?? [:]
        }
    }
}

/// Rows of one side in key order, read from SQLite one at a time (`CycleStateReader.rows`).
public final class StateRowCursor {
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
