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

    /// Runs `body` in a read-only transaction that sees one snapshot (`REPEATABLE READ`).
    func read<T>(_ body: (StoreTransaction) throws -> T) throws(StoreError) -> T {
        try run(readOnly: true, doing: "reading the store", body)
    }

    /// Runs `body` in a write transaction: all of it commits, or none.
    @discardableResult
    func write<T>(_ body: (StoreTransaction) throws -> T) throws(StoreError) -> T {
        try run(readOnly: false, doing: "writing the store", body)
    }

    /// Runs `body` in a transaction (the open one, when a call is made inside it); errors of `body` pass through as
    /// they are. Work `body` registers for the commit runs once the transaction has committed.
    func passingErrors<T>(readOnly: Bool, _ body: (StoreTransaction) throws -> T) throws -> T {
        if let current { return try body(current) }
        let transaction = StoreTransaction(connection: connection)
        current = transaction
        defer { current = nil }
        do {
            try transaction.execute(readOnly ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" : "BEGIN")
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

    private func run<T>(readOnly: Bool, doing: String, _ body: (StoreTransaction) throws -> T) throws(StoreError) -> T {
        do {
            return try passingErrors(readOnly: readOnly, body)
        } catch {
            throw StoreErrors.from(error, doing: doing, location: location)
        }
    }
}
