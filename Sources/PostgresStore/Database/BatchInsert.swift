import PostgresClient

/// Rows inserted many per statement: a round trip per batch, not per row. Plain inserts go by `COPY`, which the server
/// neither parses nor plans per value; with a `tail` (an `ON CONFLICT` clause, which `COPY` has not), by
/// `INSERT … VALUES (…), (…)` with each value bound.
struct BatchInsert {
    private let table: String
    private let columns: [String]
    private let tail: String
    private var binds: [String?] = []
    private var copied = CopyTextRows()
    private var rows = 0
    /// Rows per statement: bound values stay well under PostgreSQL's 65,535 parameters; copied text stays a few MB.
    private let limit: Int

    /// Starts a batch of rows of `table` with `columns`; `tail` follows the values (an `ON CONFLICT` clause).
    init(table: String, columns: [String], tail: String = "") {
        self.table = table
        self.columns = columns
        self.tail = tail
        limit = tail.isEmpty ? 5_000 : max(1, 30_000 / columns.count)
    }

    /// Adds a row (its values in the columns' order, as PostgreSQL text; nil is NULL), sending the batch when full.
    mutating func append(_ values: [String?], in transaction: StoreTransaction) throws {
        precondition(values.count == columns.count, "a row of \(values.count) values for \(columns.count) columns")
        guard tail.isEmpty else {
            binds.append(contentsOf: values)
            return try rowAdded(transaction)
        }
        try append(in: transaction) { row in
            for value in values { row.append(value) }
        }
    }

    /// Adds a row of a plain insert written field by field into `COPY`'s text (numbers as digits, without a `String`
    /// each), its fields in the columns' order; sends the batch when full.
    mutating func append(in transaction: StoreTransaction, fields: (inout CopyTextRows) throws -> Void) throws {
        precondition(tail.isEmpty, "rows written for COPY into \(table), which inserts with a tail")
        try fields(&copied)
        copied.endRow()
        try rowAdded(transaction)
    }

    private mutating func rowAdded(_ transaction: StoreTransaction) throws {
        rows += 1
        if rows == limit { try flush(transaction) }
    }

    /// Sends the rows added since the last batch.
    mutating func flush(_ transaction: StoreTransaction) throws {
        guard rows > 0 else { return }
        if tail.isEmpty {
            try transaction.copy(into: table, columns: columns, rows: copied)
            copied = CopyTextRows()
        } else {
            try transaction.execute(PostgresQuery(unsafeSQL: valuesStatement(), binds: binds))
            binds.removeAll(keepingCapacity: true)
        }
        rows = 0
    }

    /// `INSERT … VALUES ($1, …), (…) tail` for the rows bound.
    private func valuesStatement() -> String {
        let width = columns.count
        var sql = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
        sql.reserveCapacity(sql.count + rows * width * 6 + tail.count)
        for row in 0..<rows {
            sql += row == 0 ? "(" : ", ("
            for column in 0..<width {
                if column > 0 { sql += ", " }
                sql += "$\(row * width + column + 1)"
            }
            sql += ")"
        }
        return sql + tail
    }
}
