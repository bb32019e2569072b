/// A failure of an engine operation (init, teardown, capture, close, verify, a report) with what kind of failure it is,
/// the source it concerns and what to do.
///
/// The ``Code`` says the kind; the edges map it to the outside once: the CLI to an exit code, the API to an HTTP
/// status. ``description`` carries no row data, SQL parameters or secrets.
public struct EngineError: Error, CustomStringConvertible, Sendable {
    /// What kind of failure this is: a struct of static lets, not a closed enum, so kinds can be added without breaking
    /// a client that switches over them (postgres-nio's `PSQLError.Code`).
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Sendable {
            case usage, configuration, alreadyInitialized = "already_initialized", notReady = "not_ready", store
            case fileSystem = "file_system", bug, storeUnavailable = "store_unavailable", captureRunning = "capture_running"
            case sourceUnreachable = "source_unreachable", sourceRefused = "source_refused"
            case replicationUnusable = "replication_unusable", timedOut = "timed_out"
        }

        private let base: Base

        private init(_ base: Base) {
            self.base = base
        }

        /// A command argument is malformed or names nothing the config knows (a month, a day, a mapping, a kind).
        public static let usage = Code(.usage)
        /// The configuration cannot be used as it is (a section, a DSN, a publication name).
        public static let configuration = Code(.configuration)
        /// The store is initialized already; starting over takes a teardown.
        public static let alreadyInitialized = Code(.alreadyInitialized)
        /// Nothing to work on yet: the store or a source is not initialized, or no cycle is closed.
        public static let notReady = Code(.notReady)
        /// The store could not be read or written.
        public static let store = Code(.store)
        /// A local file or folder cannot be written (an export, verify's spill, the demo's work folder).
        public static let fileSystem = Code(.fileSystem)
        /// Parity broke one of its own promises: report it.
        public static let bug = Code(.bug)
        /// Another process kept the store locked too long, or the store is damaged.
        public static let storeUnavailable = Code(.storeUnavailable)
        /// A capture (`parity capture` or `parity run`) is running and must be stopped first.
        public static let captureRunning = Code(.captureRunning)
        /// A source database cannot be reached or read.
        public static let sourceUnreachable = Code(.sourceUnreachable)
        /// A source database refused what Parity asked of it (a privilege, an object in the way).
        public static let sourceRefused = Code(.sourceRefused)
        /// Logical replication cannot be used: a slot lost, recreated or held, changes Parity cannot read.
        public static let replicationUnusable = Code(.replicationUnusable)
        /// What was waited for (capture catching up, a cycle closing) did not happen in time.
        public static let timedOut = Code(.timedOut)

        /// The code as `parity.error/1` writes it (`source_unreachable`).
        public var description: String { base.rawValue }
    }

    /// What kind of failure this is.
    public var code: Code
    /// The source concerned, if any (`legacy` or `new`).
    public var source: String?
    /// What happened, in one line.
    public var message: String
    /// What to do about it.
    public var fix: String

    public init(_ code: Code, source: String?, message: String, fix: String) {
        self.code = code
        self.source = source
        self.message = message
        self.fix = fix
    }

    public var description: String {
        (source.map { "\($0): " } ?? "") + message + "; " + fix
    }
}
