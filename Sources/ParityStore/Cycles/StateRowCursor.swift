import GRDB

/// One row of a side as of a cycle's end.
public struct StateRow: Sendable {
    /// The key (JSON array text).
    public var key: String
    /// The image (JSON object text, `RowJSON.decodeImage`); nil for a key the cycle's changes deleted.
    public var values: String?
    /// The latest commit time of a change to the key before the end (µs since 1970); nil when unchanged.
    public var changedAt: Int64?
}

/// Rows of one side in key order, read from SQLite one at a time (`CycleStateReader.rows`).
public final class StateRowCursor {
    private let cursor: RowCursor

    init(_ cursor: RowCursor) {
        self.cursor = cursor
    }

    /// The next row; nil after the last.
    public func next() throws -> StateRow? {
        guard let row = try cursor.next() else { return nil }
        return StateRow(key: row[0], values: row[1], changedAt: row[2])
    }
}
