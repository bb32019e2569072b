/// Where Parity keeps its embedded store (`store:`).
public struct StoreConfiguration: Sendable, Hashable {
    /// The default store path.
    public static let defaultPath = ".parity/parity.sqlite"

    /// Path of the SQLite store file, relative to the working directory unless absolute.
    public var path: String

    /// Creates a store configuration.
    public init(path: String = StoreConfiguration.defaultPath) {
        self.path = path
    }
}
