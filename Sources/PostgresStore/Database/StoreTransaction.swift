import ParityStore
import PostgresClient

/// An open transaction on the store's session: statements with bound values, and cursors over large results. Valid
/// only inside the call that hands it out.
final class StoreTransaction {
    private let connection: PostgresConnection
    /// The session, for work at the transaction's end.
    let session: StoreSession
    private var cursors = 0

    init(connection: PostgresConnection, session: StoreSession) {
        self.connection = connection
        self.session = session
    }

    /// Runs a statement and returns its rows.
    @discardableResult
    func rows(_ query: PostgresQuery) throws -> [PostgresRow] {
        try connection.query(query).rows
    }

    /// Runs a statement; returns how many rows it changed.
    @discardableResult
    func execute(_ query: PostgresQuery) throws -> Int {
        try connection.query(query).affectedRows ?? 0
    }

    /// Runs a script of statements written by the program (a migration), without bound values.
    func script(_ sql: String) throws {
        try connection.execute(unsafeScript: sql)
    }

    /// The first row of a statement, or nil.
    func row(_ query: PostgresQuery) throws -> PostgresRow? {
        try rows(query).first
    }

    /// The first column of the first row of a statement, or nil (no row, or NULL).
    func value(_ query: PostgresQuery) throws -> String? {
        try rows(query).first?.values.first ?? nil
    }

    /// Opens a server-side cursor over `query`, read in batches: a result of millions of rows never sits in memory.
    func cursor(_ query: PostgresQuery, batch: Int = 2_000) throws -> ServerCursor {
        cursors += 1
        let name = "parity_cursor_\(cursors)"
        try execute(PostgresQuery(unsafeSQL: "DECLARE \(name) NO SCROLL CURSOR FOR " + query.sql, binds: query.binds))
        return ServerCursor(name: name, batch: batch, transaction: self)
    }
}

/// The rows of a server-side cursor, one at a time (``StoreTransaction/cursor(_:batch:)``).
final class ServerCursor {
    private let fetch: PostgresQuery
    private let transaction: StoreTransaction
    private var buffered: [PostgresRow] = []
    private var index = 0
    private var exhausted = false

    init(name: String, batch: Int, transaction: StoreTransaction) {
        fetch = PostgresQuery(unsafeSQL: "FETCH FORWARD \(batch) FROM \(name)")
        self.transaction = transaction
    }

    /// The next row; nil after the last.
    func next() throws -> PostgresRow? {
        if index == buffered.count {
            guard !exhausted else { return nil }
            buffered = try transaction.rows(fetch)
            index = 0
            if buffered.isEmpty {
                exhausted = true
                return nil
            }
        }
        index += 1
        return buffered[index - 1]
    }
}
