import ParityModel

/// One side of a merge join: its rows with the next one read ahead.
@usableFromInline
struct PeekedRows<Rows: SortedKeyedRows> {
    @usableFromInline var rows: Rows
    /// The next row; nil after the last.
    @usableFromInline var current: Rows.Row?

    /// Reads the first row.
    @inlinable
    init(_ rows: Rows) throws {
        self.rows = rows
        current = try self.rows.next()
    }

    /// Takes the row at `canonical` if it is next (the last one when several share it).
    @inlinable
    mutating func take(_ canonical: CanonicalKey) throws -> Rows.Row? {
        var taken: Rows.Row?
        while let row = current, row.canonicalKey == canonical {
            taken = row
            current = try rows.next()
        }
        return taken
    }
}
