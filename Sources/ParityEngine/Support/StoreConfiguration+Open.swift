import Foundation
import ParityConfig
import ParityStore

extension StoreConfiguration {
    /// Where the configured store is: the one place a `store:` key that names another kind of store is read.
    public var location: StoreLocation {
        url.map { .postgres(url: $0, passwordFile: passwordFile) } ?? .sqlite(path: path)
    }

    /// Where scratch files of the store's size go (`parity verify --sources`' spills): beside the SQLite file, on the disk
    /// sized for the store; the temp folder with a PostgreSQL store.
    public var spillDirectory: String {
        url == nil ? URL(fileURLWithPath: path).deletingLastPathComponent().path : NSTemporaryDirectory()
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
