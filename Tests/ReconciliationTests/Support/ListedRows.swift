import Reconciliation

/// A side's rows in the order a test lists them, as a store gives them (sorted by canonical key).
struct ListedRows<Row: CanonicallyKeyed>: SortedKeyedRows {
    private var rows: IndexingIterator<[Row]>

    init(_ rows: [Row]) {
        self.rows = rows.makeIterator()
    }

    mutating func next() -> Row? {
        rows.next()
    }
}
