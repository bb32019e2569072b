/// Where Parity keeps its store (`store:`): the embedded SQLite file (`path`, the default), or a PostgreSQL database
/// (`url`) that several Parity processes may share.
public struct StoreConfiguration: Sendable, Hashable {
    /// The default store path.
    public static let defaultPath = ".parity/parity.sqlite"

    /// Path of the SQLite store file, relative to the working directory unless absolute; unused when `url` is set.
    public var path: String
    /// The PostgreSQL store's URL (`postgres://user@host:port/database`) or libpq connection string; a secret, never
    /// logged or shown in messages. nil: the SQLite store at `path`.
    public var url: String?
    /// File holding the PostgreSQL store's password, read at connect time.
    public var passwordFile: String?

    /// Creates a store configuration: the SQLite store at `path`, or the PostgreSQL store at `url`.
    public init(path: String = StoreConfiguration.defaultPath, url: String? = nil, passwordFile: String? = nil) {
        self.path = path
        self.url = url
        self.passwordFile = passwordFile
    }

    /// The store as messages name it: its file, or `the database of store.url` (the URL may hold a password).
    public var described: String {
        url == nil ? path : "the database of store.url"
    }
}
