import Foundation

/// Which store to open: the one place a new kind of store (PostgreSQL, issue 26) is added.
public enum StoreLocation: Sendable, Equatable {
    /// The embedded SQLite store in the file at `path` (created, and migrated, when needed).
    case sqlite(path: String)

    /// Opens the store, creating and migrating it when needed.
    public func open() throws(StoreError) -> any Store {
        switch self {
        case .sqlite(let path): try ParityStore.open(path: path)
        }
    }
}
