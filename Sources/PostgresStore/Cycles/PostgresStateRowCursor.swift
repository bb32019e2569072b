import ParityStore
import PostgresClient

/// Rows of one side in key order, read from a server-side cursor one at a time (``PostgresCycleStateReader``).
final class PostgresStateRowCursor: StateRowCursor {
    /// nil when there is no row to read.
    private let cursor: ServerCursor?
    private let transaction: StoreTransaction
    private let layouts: PostgresImageLayouts
    /// Where the ``StateRow`` columns sit, found in the first row.
    private var positions: Positions?

    init(_ cursor: ServerCursor?, transaction: StoreTransaction, layouts: PostgresImageLayouts) {
        self.cursor = cursor
        self.transaction = transaction
        self.layouts = layouts
    }

    /// The next row; nil after the last.
    func next() throws -> StateRow? {
        guard let row = try cursor?.next() else { return nil }
        let positions = try positions ?? Positions(row)
        self.positions = positions
        let values = row.values[positions.values]
        return StateRow(
            key: try row.decode(String.self, at: positions.key), values: values, columns: try layouts.columns(of: values, in: transaction),
            changedAt: try row.decode(Int64?.self, at: positions.changedAt),
            events: try row.decode(Int?.self, at: positions.events).map(ChangeEvents.init))
    }

    /// The positions of a cursor's columns: every row of one result has them in the same place.
    private struct Positions {
        let key: Int
        let values: Int
        let changedAt: Int
        let events: Int

        init(_ row: PostgresRow) throws {
            key = try row.position(of: "row_key")
            values = try row.position(of: "row_values")
            changedAt = try row.position(of: "changed_at")
            events = try row.position(of: "events")
        }
    }
}
