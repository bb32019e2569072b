import GRDB

/// Rows for one table inserted many per statement: for many small rows, far fewer statements to
/// prepare, bind and step than one INSERT per row.
struct BatchInsert {
    /// Rows per full statement: as many as fit under SQLite's 32,766 parameters, at most 200.
    let rowsPerStatement: Int
    private let columnCount: Int
    private let prefix: String
    private let row: String
    private var values: [DatabaseValue] = []

    /// A batch for `table`'s `columns`, each row bound in that order; with `replacing`, a row replaces one with its key.
    init(table: String, columns: [String], replacing: Bool = false) {
        columnCount = columns.count
        rowsPerStatement = min(200, 32_766 / columns.count)
        prefix = "INSERT\(replacing ? " OR REPLACE" : "") INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
        row = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
    }

    /// Adds one row (one value per column); inserts the batch once a statement is full.
    mutating func append(_ row: [DatabaseValue], db: Database) throws {
        values += row
        if values.count >= rowsPerStatement * columnCount { try flush(db) }
    }

    /// Inserts the rows appended since the last insert: a full statement, or for fewer rows one
    /// statement per power of two in their count, so every statement is prepared once per connection.
    mutating func flush(_ db: Database) throws {
        var start = 0
        var rows = values.count / columnCount
        while rows > 0 {
            let chunk = rows >= rowsPerStatement ? rowsPerStatement : 1 << (Int.bitWidth - 1 - rows.leadingZeroBitCount)
            let statement = try db.cachedStatement(sql: prefix + Array(repeating: row, count: chunk).joined(separator: ", "))
            // Bound value by value: building StatementArguments maps every value through generic,
            // unspecialized code (12% of a small-transaction capture).
            statement.setUncheckedArguments(StatementArguments())  // resets and clears the bindings
            for index in 0..<chunk * columnCount {
                let code = values[start + index].bind(to: statement.sqliteStatement, at: CInt(index + 1))
                guard code == ResultCode.SQLITE_OK.rawValue else {
                    throw DatabaseError(
                        resultCode: ResultCode(rawValue: code), message: "binding parameter \(index + 1) failed", sql: statement.sql)
                }
            }
            try statement.execute()
            start += chunk * columnCount
            rows -= chunk
        }
        values.removeAll(keepingCapacity: true)
    }
}
