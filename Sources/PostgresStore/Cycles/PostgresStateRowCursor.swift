import ParityStore

/// Rows of one side in key order, read from a server-side cursor one at a time (``PostgresCycleStateReader``).
final class PostgresStateRowCursor: StateRowCursor {
    /// nil when there is no row to read.
    private let cursor: ServerCursor?
    private let transaction: StoreTransaction
    private let layouts: PostgresImageLayouts

    init(_ cursor: ServerCursor?, transaction: StoreTransaction, layouts: PostgresImageLayouts) {
        self.cursor = cursor
        self.transaction = transaction
        self.layouts = layouts
    }

    /// The next row; nil after the last.
    func next() throws -> StateRow? {
        guard let row = try cursor?.next() else { return nil }
        let values = row["row_values"]
        return StateRow(
            key: try row.text("row_key"), values: values, columns: try layouts.columns(of: values, in: transaction),
            changedAt: try row.optionalInt64("changed_at"), events: try row.optionalInt("events").map(ChangeEvents.init))
    }
}
