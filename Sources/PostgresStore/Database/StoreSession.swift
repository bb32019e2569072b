import Foundation
import ParityStore
import PostgresClient

/// The store's one session: transactions run on it one at a time, and a call made inside a transaction (a reader's,
/// or the comparison's own store calls during a close) joins it.
final class StoreSession: @unchecked Sendable {
    private let connection: PostgresConnection
    /// The store's URL without password, for errors.
    let location: String
    private let lock = NSRecursiveLock()
    /// The open transaction, while one runs.
    private var current: StoreTransaction?
    /// Work to do once the open transaction commits, or rolls back.
    private var onCommit: [() -> Void] = []
    private var onRollback: [() -> Void] = []

    init(connection: PostgresConnection, location: String) {
        self.connection = connection
        self.location = location
    }

    deinit { connection.close() }

    /// Runs `body` in a read-only transaction that sees one snapshot (`REPEATABLE READ`).
    func read<T>(_ body: (StoreTransaction) throws -> T) throws(StoreError) -> T {
        try run(begin: "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", doing: "reading the store", body)
    }

    /// Runs `body` in a write transaction: all of it commits, or none.
    @discardableResult
    func write<T>(_ body: (StoreTransaction) throws -> T) throws(StoreError) -> T {
        try run(begin: "BEGIN", doing: "writing the store", body)
    }

    /// Runs `body` in a transaction; errors of `body` other than the store's pass through as they are.
    func passingErrors<T>(readOnly: Bool, _ body: (StoreTransaction) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        if let current { return try body(current) }
        let transaction = StoreTransaction(connection: connection, session: self)
        try transaction.execute(readOnly ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" : "BEGIN")
        current = transaction
        do {
            let result = try body(transaction)
            current = nil
            try transaction.execute("COMMIT")
            finish(committed: true)
            return result
        } catch {
            current = nil
            _ = try? transaction.execute("ROLLBACK")
            finish(committed: false)
            throw error
        }
    }

    /// Registers work for the end of the open transaction: `commit` when it commits, `rollback` when it does not.
    func afterTransaction(commit: @escaping () -> Void, rollback: @escaping () -> Void) {
        lock.withLock {
            onCommit.append(commit)
            onRollback.append(rollback)
        }
    }

    private func run<T>(begin: PostgresQuery, doing: String, _ body: (StoreTransaction) throws -> T) throws(StoreError) -> T {
        do {
            return try passingErrors(readOnly: begin.sql.contains("READ ONLY"), body)
        } catch {
            throw StoreErrors.from(error, doing: doing, location: location)
        }
    }

    private func finish(committed: Bool) {
        let work = committed ? onCommit : onRollback
        onCommit = []
        onRollback = []
        work.forEach { $0() }
    }
}
