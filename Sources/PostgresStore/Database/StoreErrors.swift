import ParityStore
import PostgresClient

/// Turns what a store call met into the ``StoreError`` its caller sees: vocabulary it cannot read, the server's errors,
/// and lock waits, each with the store's location (never its password).
enum StoreErrors {
    /// `error`, met while `doing` something on the store at `location`.
    static func from(_ error: any Error, doing: String, location: String) -> StoreError {
        if let error = error as? StoreError { return error }
        if let unknown = error as? UnknownStoredValue { return StoreError(unknown, doing: doing, path: location) }
        if let image = error as? UndecodableImage { return corrupt("\(doing) failed: \(image)", location: location, underlying: image) }
        if let postgres = error as? PostgresError {
            // Lock timeouts, deadlocks and serialization failures: another process held what this one needed.
            if ["55P03", "40P01", "40001"].contains(postgres.sqlState ?? "") {
                return StoreError(code: .busy, message: "\(doing) failed: another process held the store's rows (\(postgres))", path: location,
                                  underlying: error)
            }
            if postgres.code == .connectionLost || postgres.code == .connectionFailed {
                return StoreError(code: .cannotOpen, message: "\(doing) failed: the store's server is unreachable (\(postgres))", path: location,
                                  underlying: error)
            }
        }
        return StoreError(code: .databaseError, message: "\(doing) failed: \(error)", path: location, underlying: error)
    }

    /// A stored row whose `column` is NULL or unreadable where the schema promises a value: the store is damaged.
    static func damaged(_ column: String, location: String) -> StoreError {
        corrupt("a stored \(column) is missing or unreadable", location: location)
    }

    /// A damaged store: `what` was found, and what to do.
    static func corrupt(_ what: String, location: String, underlying: (any Error)? = nil) -> StoreError {
        var error = StoreError(code: .corrupt, message: "\(what): the store is damaged", path: location, underlying: underlying)
        error.fix = damagedFix
        return error
    }

    /// What to do about a damaged store.
    static let damagedFix = "restore the store database from a backup, or point store.url at a new database and take a new baseline "
        + "(parity teardown, parity init)"
}
