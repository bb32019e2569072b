import ParityStore
import PostgresStore

extension StoreLocation {
    /// Opens the store, creating and migrating it when needed.
    public func open() throws(StoreError) -> any Store {
        switch self {
        case .sqlite(let path): try ParityStore.open(path: path)
        case .postgres(let url, let passwordFile): try PostgresStore.open(url: url, passwordFile: passwordFile)
        }
    }
}
