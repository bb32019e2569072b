import ParityModel

/// A row that knows its canonical key (the key values normalized by `RowComparer.canonicalKey`).
public protocol CanonicallyKeyed {
    /// The row's canonical key.
    var canonicalKey: CanonicalKey { get }
}

/// One side's rows of a mapping, read one at a time in canonical-key order (``CanonicalKey``), the order every
/// store promises for rows sorted by canonical key. Several rows may share a canonical key (raw keys that normalize
/// alike); they come one after another.
public protocol SortedKeyedRows {
    /// A row as the side reads it.
    associatedtype Row: CanonicallyKeyed

    /// The next row; nil after the last.
    mutating func next() throws -> Row?
}

/// Rows held in memory, put in canonical-key order once: for a side whose rows do not arrive in that order (keys
/// that normalize, tests).
public struct SortedRows<Row: CanonicallyKeyed>: SortedKeyedRows {
    @usableFromInline var rows: IndexingIterator<[Row]>

    /// Sorts `rows` by canonical key; rows sharing one keep no particular order among themselves.
    @inlinable
    public init(_ rows: [Row]) {
        self.rows = rows.sorted { $0.canonicalKey < $1.canonicalKey }.makeIterator()
    }

    /// The next row; nil after the last.
    @inlinable
    public mutating func next() -> Row? {
        rows.next()
    }
}
