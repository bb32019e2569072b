import Foundation
import ParityConfig
import ParityStore

extension StoreConfiguration {
    /// Where the configured store is: the one place a `store:` key that names another kind of store is read.
    public var location: StoreLocation {
        url.map { .postgres(url: $0, passwordFile: passwordFile) } ?? .sqlite(path: path)
    }

    /// Whether the store exists already: the SQLite file, or (always) the PostgreSQL database, whose schema opening creates.
    public var exists: Bool {
        url != nil || FileManager.default.fileExists(atPath: path)
    }

    /// Opens the configured store, creating and migrating it when needed.
    public func open() throws(StoreError) -> any Store {
        try location.open()
    }
}
