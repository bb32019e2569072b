import Foundation
import GRDB

/// A failure opening, migrating or using the store, with the store's path.
public struct StoreError: Error, CustomStringConvertible, Sendable {
    /// What kind of failure this is; codes can grow without breaking callers.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Sendable {
            case cannotOpen = "cannot open store"
            case newerSchema = "store written by a newer Parity"
            case migrationFailed = "store migration failed"
            case databaseError = "store error"
            case notInitialized = "store not initialized"
            case captureRunning = "capture already running"
            case busy = "store locked"
            case corrupt = "store damaged"
            case unknownValue = "unknown stored value"
        }
        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The file could not be created or opened.
        public static let cannotOpen = Code(.cannotOpen)
        /// The store has migrations this binary does not know.
        public static let newerSchema = Code(.newerSchema)
        /// A migration failed; the store keeps the last good schema.
        public static let migrationFailed = Code(.migrationFailed)
        /// SQLite reported an error while reading or writing.
        public static let databaseError = Code(.databaseError)
        /// A source has not been initialized with `parity init`.
        public static let notInitialized = Code(.notInitialized)
        /// Another process captures into this store (one capture per store).
        public static let captureRunning = Code(.captureRunning)
        /// Another process kept the store locked longer than the busy timeout.
        public static let busy = Code(.busy)
        /// The file is not a store, or SQLite found it damaged.
        public static let corrupt = Code(.corrupt)
        /// A stored value (a finding kind, a side, a status, …) this Parity does not know: a newer Parity wrote it.
        public static let unknownValue = Code(.unknownValue)

        public var description: String { base.rawValue }
    }

    /// The kind of failure.
    public var code: Code
    /// What happened and what to do, in one line.
    public var message: String
    /// The store file.
    public var path: String
    /// The error from SQLite or the file system, if any.
    public var underlying: (any Error)?
    /// The stored column a value was read from (`.unknownValue`).
    public var column: String?
    /// The stored value this Parity could not read (`.unknownValue`): vocabulary text, never row data.
    public var value: String?
    /// How long the store waited for another process's lock before giving up (`.busy`), in seconds.
    public var waited: TimeInterval?
    /// What to do about a damaged store (`.corrupt`) when it is not ``corruptFix``, the SQLite file's: a store of another
    /// kind is restored otherwise. The description ends with it.
    public var fix: String?

    public init(code: Code, message: String, path: String, underlying: (any Error)? = nil, column: String? = nil, value: String? = nil) {
        self.code = code
        self.message = message
        self.path = path
        self.underlying = underlying
        self.column = column
        self.value = value
    }

    public var description: String { "\(path): \(message)" + (fix.map { "; \($0)" } ?? "") }
}

extension StoreError {
    /// A stored value this Parity does not know, met while `doing` something on the store at `path`.
    package init(_ unknown: UnknownStoredValue, doing: String, path: String) {
        self.init(
            code: .unknownValue,
            message: "\(doing) failed: column \(unknown.column) holds \(unknown.value.map { "'\($0)'" } ?? "NULL"), which this Parity "
                + "does not know as a \(unknown.expected); run the Parity version that wrote the store",
            path: path, underlying: unknown, column: unknown.column, value: unknown.value)
    }

    /// `error` from SQLite while `doing` something: `.busy` when another process kept the store locked past the busy
    /// timeout, otherwise `code`.
    static func sqlite(_ error: any Error, doing: String, code: Code = .databaseError, path: String) -> StoreError {
        if let error = error as? StoreError { return error }
        if let unknown = error as? UnknownStoredValue { return StoreError(unknown, doing: doing, path: path) }
        if let image = error as? UndecodableImage { return .corrupt("\(doing) failed: \(image)", path: path, underlying: image) }
        if let database = error as? DatabaseError, [.SQLITE_BUSY, .SQLITE_LOCKED].contains(database.resultCode) {
            var busy = StoreError(
                code: .busy,
                message: "\(doing) failed: another process kept the store locked for more than \(Int(ParityStore.busyTimeout)) s",
                path: path, underlying: error)
            busy.waited = ParityStore.busyTimeout
            return busy
        }
        if let database = error as? DatabaseError, [.SQLITE_CORRUPT, .SQLITE_NOTADB].contains(database.resultCode) {
            return .corrupt("\(doing) failed: \(database.message ?? "\(database.resultCode)")", path: path, underlying: error)
        }
        return StoreError(code: code, message: "\(doing) failed: \(error)", path: path, underlying: error)
    }

    /// A damaged store: `what` happened, and what to do.
    static func corrupt(_ what: String, path: String, underlying: (any Error)? = nil) -> StoreError {
        StoreError(code: .corrupt, message: "\(what): the store is damaged or not a Parity store; \(corruptFix)", path: path, underlying: underlying)
    }

    /// What to do about a damaged store.
    public static let corruptFix = "restore it (with its -wal and -shm files) from a backup, "
        + "or move it aside and take a new baseline (parity teardown, parity init)"
}
