import Foundation
import ParityStore
import PostgresClient

/// One session on the store, used by one thread at a time (``StoreSessions``): its transactions, and a call made inside
/// one (a reader's, during a close) joining it.
final class StoreSession: @unchecked Sendable {
    private let connection: PostgresConnection
    /// The store's URL without password, for errors.
    let location: String
    /// The open transaction, while one runs.
    private var current: StoreTransaction?
    /// Whether the connection broke: the session is then dropped.
    private(set) var isBroken = false

    init(connection: PostgresConnection, location: String) {
        self.connection = connection
        self.location = location
    }

    deinit { connection.close() }

    /// How a transaction sees the store.
    enum Isolation: String {
        /// Reads only, all of them in one snapshot.
        case snapshotRead = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"
        /// Each statement sees what committed before it (the server's default).
        case write = "BEGIN"
        /// Writes whose statements all see one snapshot: what the first reads, the last still sees, whatever commits meanwhile.
        case snapshotWrite = "BEGIN ISOLATION LEVEL REPEATABLE READ"
    }

    /// Runs `body` in a read-only transaction that sees one snapshot.
    func read<T>(_ body: (StoreTransaction) throws -> T) throws(StoreError) -> T {
        try run(.snapshotRead, doing: "reading the store", body)
    }

    /// Runs `body` in a write transaction (`isolation` `.write` or `.snapshotWrite`): all of it commits, or none.
    @discardableResult
    func write<T>(_ isolation: Isolation = .write, _ body: (StoreTransaction) throws -> T) throws(StoreError) -> T {
        try run(isolation, doing: "writing the store", body)
    }

    /// Runs `body` in a transaction (the open one, when a call is made inside it); errors of `body` pass through as
    /// they are. Work `body` registers for the commit runs once the transaction has committed.
    func passingErrors<T>(_ isolation: Isolation, _ body: (StoreTransaction) throws -> T) throws -> T {
        if let current { return try body(current) }
        let transaction = StoreTransaction(connection: connection)
        current = transaction
        defer { current = nil }
        do {
            try transaction.execute(PostgresQuery(unsafeSQL: isolation.rawValue))
            let result = try body(transaction)
            try transaction.execute("COMMIT")
            transaction.committed()
            return result
        } catch {
            if (error as? PostgresError)?.code == .connectionLost { isBroken = true }
            _ = try? transaction.execute("ROLLBACK")
            throw error
        }
    }

    private func run<T>(_ isolation: Isolation, doing: String, _ body: (StoreTransaction) throws -> T) throws(StoreError) -> T {
        do {
            return try passingErrors(isolation, body)
        } catch {
            throw StoreErrors.from(error, doing: doing, location: location)
        }
    }
}
