import PostgresClient

/// Rows inserted many per statement (`INSERT … VALUES (…), (…)`), each value bound: a round trip per batch, not per row.
struct BatchInsert {
    private let head: String
    private let tail: String
    private let width: Int
    private var binds: [String?] = []
    private var rows = 0
    /// Rows per statement: well under PostgreSQL's 65,535 parameters.
    private let limit: Int

    /// Starts a batch of rows of `table` with `columns`; `tail` follows the values (an `ON CONFLICT` clause).
    init(table: String, columns: [String], tail: String = "") {
        head = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
        self.tail = tail
        width = columns.count
        limit = max(1, 30_000 / columns.count)
    }

    /// Adds a row (its values in the columns' order, as PostgreSQL text; nil is NULL), sending the batch when full.
    mutating func append(_ values: [String?], in transaction: StoreTransaction) throws {
        precondition(values.count == width, "a row of \(values.count) values for \(width) columns")
        binds.append(contentsOf: values)
        rows += 1
        if rows == limit { try flush(transaction) }
    }

    /// Sends the rows added since the last batch.
    mutating func flush(_ transaction: StoreTransaction) throws {
        guard rows > 0 else { return }
        var sql = head
        sql.reserveCapacity(head.count + rows * width * 6 + tail.count)
        for row in 0..<rows {
            sql += row == 0 ? "(" : ", ("
            for column in 0..<width {
                if column > 0 { sql += ", " }
                sql += "$\(row * width + column + 1)"
            }
            sql += ")"
        }
        sql += tail
        try transaction.execute(PostgresQuery(unsafeSQL: sql, binds: binds))
        binds.removeAll(keepingCapacity: true)
        rows = 0
    }
}
