/// Which store to open: the one place a new kind of store is added. Opening it (`open()`) lives where every
/// implementation is known (ParityEngine's `StoreLocation+Open.swift`): the PostgreSQL store depends on this target.
public enum StoreLocation: Sendable, Equatable {
    /// The embedded SQLite store in the file at `path` (created, and migrated, when needed).
    case sqlite(path: String)
    /// The PostgreSQL store in the database at `url` (`postgres://user@host:port/database`; its schema created, and
    /// migrated, when needed), its password in the URL or the file `passwordFile`. A password never reaches a message.
    case postgres(url: String, passwordFile: String? = nil)
}
