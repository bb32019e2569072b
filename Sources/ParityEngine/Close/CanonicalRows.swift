import ParityConfig
import ParityModel
import ParityStore
import Reconciliation

/// One side's rows of a mapping in canonical-key order, for the merge join of a cycle close.
///
/// Without key normalizers a row's canonical key is its key text and the store's rows come sorted by it, so rows
/// stream straight from the cursor. With normalizers the side's rows are read once, keyed canonically and sorted in
/// memory (memory then grows with the rows read).
struct CanonicalRows: SortedKeyedRows {
    private let cursor: StateRowCursor?
    private var sorted: SortedRows<StoreRow>?

    init(_ cursor: StateRowCursor, mapping: TableMapping) throws {
        if mapping.key.normalize.isEmpty {
            self.cursor = cursor
        } else {
            var rows: [StoreRow] = []
            while let row = try cursor.next() {
                let values = RowComparer.canonicalKey(mapping: mapping, values: RowJSON.decodeKey(row.key) ?? [])
                rows.append(StoreRow(canonicalKey: CanonicalKey(RowJSON.key(values)), row: row))
            }
            self.cursor = nil
            sorted = SortedRows(rows)
        }
    }

    /// The next row; nil after the last.
    mutating func next() throws -> StoreRow? {
        if let cursor { return try cursor.next().map { StoreRow(canonicalKey: CanonicalKey($0.key), row: $0) } }
        return sorted?.next()
    }
}
