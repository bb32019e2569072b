/// Rows of one side and mapping as of a cycle's end, one at a time, sorted by key text in byte order (UTF-8 bytes,
/// as SQLite's BINARY collation and PostgreSQL's `COLLATE "C"` order them): a key sorts before every longer key it is
/// a prefix of, and non-ASCII keys sort by their bytes. The merge join of the close relies on this order.
public protocol StateRowCursor: AnyObject {
    /// The next row; nil after the last.
    func next() throws -> StateRow?
}

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

    /// Creates a row.
    package init(key: String, values: String?, columns: [String], changedAt: Int64?, events: ChangeEvents?) {
        self.key = key
        self.values = values
        self.columns = columns
        self.changedAt = changedAt
        self.events = events
    }

    /// The image by column; nil for a deleted key. Throws ``UndecodableImage`` when the stored text is not an image.
    public var image: [String: String?]? {
        get throws { try values.map { try ImageLayouts.image($0, key: key) { _ in columns } } }
    }
}
