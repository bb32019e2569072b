import ParityConfig
import ParityStore

extension StoreConfiguration {
    /// Where the configured store is: the one place a `store:` key that names another kind of store is read.
    public var location: StoreLocation {
        .sqlite(path: path)
    }

    /// Opens the configured store, creating and migrating it when needed.
    public func open() throws(StoreError) -> any Store {
        try location.open()
    }
}
