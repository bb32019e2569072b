import Foundation
import ParityStore
import PostgresClient

/// Parity's store on a PostgreSQL database (issue 26): the store protocols of `ParityStore` over the schema of
/// `migrations/postgres`, for stores that outgrow one machine. Several Parity processes may share it.
///
/// Calls block the calling thread. Each thread using the store has a session of its own (``StoreSessions``), so
/// capture, a close and readers run side by side.
public final class PostgresStore: Sendable {
    /// The store's URL without its password, for messages.
    public let location: String
    /// P: how many parts the row tables' keys are hashed into, fixed when the store was created.
    public let partitions: KeyPartition
    /// The sessions calls run in.
    let sessions: StoreSessions
    /// The column sets of stored row images.
    let layouts = PostgresImageLayouts()
    /// The connection settings, for the capture lease's own session.
    let options: ConnectionOptions

    private init(location: String, partitions: KeyPartition, sessions: StoreSessions, options: ConnectionOptions) {
        self.location = location
        self.partitions = partitions
        self.sessions = sessions
        self.options = options
    }

    /// The parts a new store hashes keys into, unless told otherwise.
    public static let defaultPartitions = 1024

    /// The most sessions one process opens on the store: capture of each side, a close, and readers.
    public static let maximumSessions = 6

    /// Opens the store at `url` (`postgres://user@host:port/database`, a libpq URI or connection string; a password in
    /// it, or in `passwordFile`, never reaches a message), creating its schema in an empty database and applying pending
    /// migrations.
    ///
    /// A new store hashes keys into `partitions` parts; an existing one keeps the count it was created with. Refuses a
    /// store with migrations this binary does not know (written by a newer Parity). Builds the row indexes a first
    /// baseline's bulk load that died left dropped.
    public static func open(url: String, passwordFile: String? = nil, partitions: Int = defaultPartitions) throws(StoreError) -> PostgresStore {
        let location = StoreURL.redacted(url)
        // A close or a baseline may run for long: no statement limit. Sessions carry the process id, so pg_stat_activity
        // tells which worker a backend serves.
        let options = ConnectionOptions(dsn: url, passwordFile: passwordFile, applicationName: "parity store: pid \(getpid())", statementTimeout: nil)
        let sessions = StoreSessions(maximum: maximumSessions) { () throws(StoreError) in
            do {
                return StoreSession(connection: try PostgresConnection.connect(options), location: location)
            } catch {
                throw StoreError(
                    code: .cannotOpen, message: "cannot connect to the store (\(error)); check store.url and that the server is reachable",
                    path: location, underlying: error)
            }
        }
        let count = try sessions.with { session throws(StoreError) in
            try PostgresMigrations.migrate(session, partitions: partitions)
            return try session.read { transaction in try transaction.value("SELECT value FROM store_info WHERE key = 'partitions'") }
        }
        guard let count = count.flatMap(Int.init), count > 0 else {
            throw StoreErrors.corrupt("store_info holds no valid 'partitions'", location: location)
        }
        let store = PostgresStore(location: location, partitions: KeyPartition(count: count), sessions: sessions, options: options)
        try store.repairRowIndexes()
        return store
    }

    /// Runs `body` in a read-only transaction that sees one snapshot of the store.
    func read<T>(_ body: (StoreTransaction) throws -> T) throws(StoreError) -> T {
        try sessions.with { session throws(StoreError) in try session.read(body) }
    }

    /// Runs `body` in a write transaction (``StoreSession/Isolation``): all of it commits, or none.
    @discardableResult
    func write<T>(_ isolation: StoreSession.Isolation = .write, _ body: (StoreTransaction) throws -> T) throws(StoreError) -> T {
        try sessions.with { session throws(StoreError) in try session.write(isolation, body) }
    }

    /// The current time in µs since 1970 (local clock).
    static func now() -> Int64 { Int64(Date().timeIntervalSince1970 * 1_000_000) }
}
