/// The rows a statement returned, copied out of libpq in text format.
public struct PostgresResult: Sendable {
    /// Column names in result order.
    public let columns: [String]
    /// The rows, each a value per column (nil is NULL).
    public let rows: [PostgresRow]
    /// Rows affected by INSERT/UPDATE/DELETE/COPY, when the command reports it.
    public let affectedRows: Int?

    init(columns: [String], values: [[String?]], affectedRows: Int?) {
        let index = Dictionary(columns.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        self.columns = columns
        self.rows = values.map { PostgresRow(values: $0, columnIndex: index) }
        self.affectedRows = affectedRows
    }

    /// The only row, or an error naming what came back instead.
    public func singleRow() throws(PostgresError) -> PostgresRow {
        guard rows.count == 1 else {
            throw PostgresError(code: .unexpectedResult, message: "expected one row, got \(rows.count)")
        }
        return rows[0]
    }
}
