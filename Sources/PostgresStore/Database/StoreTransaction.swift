import ParityStore
import PostgresClient

/// An open transaction on the store's session: statements with bound values, and cursors over large results. Valid
/// only inside the call that hands it out.
final class StoreTransaction {
    private let connection: PostgresConnection
    private var cursors = 0
    /// Image layouts this transaction registered (``PostgresImageLayouts``): its own until it commits.
    var registeredLayouts: [[String]: Int64] = [:]
    /// The store's key placement, once a statement of this transaction needed it (``PostgresStore/placement(in:)``).
    var keyPlacement: KeyPlacement?
    /// Work to do once the transaction has committed.
    private var onCommit: [() -> Void] = []

    init(connection: PostgresConnection) {
        self.connection = connection
    }

    /// Registers work for once the transaction has committed; a rollback drops it.
    func afterCommit(_ work: @escaping () -> Void) {
        onCommit.append(work)
    }

    /// Runs the work registered for the commit (``StoreSession`` calls it once the commit succeeded).
    func committed() {
        onCommit.forEach { $0() }
        onCommit = []
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

    /// Copies `rows` (their fields in the order of `columns`) into `table` with `COPY … FROM STDIN`: the server's fast
    /// path for many rows. A row it refuses fails the whole copy.
    func copy(into table: String, columns: [String], rows: CopyTextRows) throws {
        try connection.copyIn(PostgresQuery(unsafeSQL: "COPY \(table) (\(columns.joined(separator: ", "))) FROM STDIN"), rows: rows)
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
