import Foundation
import ParityModel
import ParityStore
import PostgresClient

/// A lock one process of those sharing the store holds: a session-level advisory lock held by a session of its own,
/// named after its holder (`application_name`). The server releases the lock when the session ends: the lease is
/// released, the process ends or is killed, or its connection is lost.
final class AdvisoryLease: CaptureLease, CoordinatorLease, VerificationLease {
    /// What a lease is for: its advisory lock key and name.
    struct Purpose {
        let key: Int64
        let name: String

        /// The capture of one source.
        static func capture(_ side: SourceSide) -> Purpose {
            Purpose(key: side == .legacy ? 0x7061_7269_7479_0002 : 0x7061_7269_7479_0004, name: "\(side.rawValue) capture")
        }

        /// The coordinator of partitioned closes (``PartitionedCycleStore``).
        static let coordinator = Purpose(key: 0x7061_7269_7479_0003, name: "close coordinator")

        /// Scheduled verification (`verify.schedule`) by one worker at a time.
        static let verification = Purpose(key: 0x7061_7269_7479_0005, name: "scheduled verification")

        /// A first baseline loaded in bulk, `row_state`'s primary key built after it.
        static let baselineLoad = Purpose(key: 0x7061_7269_7479_0006, name: "baseline load")
    }

    private let connection: PostgresConnection

    private init(connection: PostgresConnection) {
        self.connection = connection
    }

    deinit { connection.close() }

    /// Takes the lock for `purpose` on the store reached with `options`, naming `holder` (e.g. `parity run`) with this
    /// process's id and host. With `wait`, waits for the process holding it to release it; without, returns nil when
    /// another holds it, with the holders' names.
    static func acquire(
        _ purpose: Purpose, options: ConnectionOptions, holder: String, wait: Bool, location: String
    ) throws(StoreError) -> (lease: AdvisoryLease?, holders: [String]) {
        var options = options
        let name = "parity \(purpose.name): \(holder), pid \(getpid())@\(ProcessInfo.processInfo.hostName)"
        options.applicationName = String(name.utf8.prefix(63)) ?? "parity \(purpose.name)"
        do {
            let connection = try PostgresConnection.connect(options)
            if wait {
                _ = try connection.query("SELECT pg_advisory_lock(\(purpose.key))")
                return (AdvisoryLease(connection: connection), [])
            }
            let taken = try connection.query("SELECT pg_try_advisory_lock(\(purpose.key)) AS taken").singleRow().decode(Bool.self, "taken")
            guard taken else {
                let holders = try connection.query("""
                    SELECT a.application_name FROM pg_locks AS l JOIN pg_stat_activity AS a ON a.pid = l.pid
                    WHERE l.locktype = 'advisory' AND l.granted AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
                        AND (l.classid::bigint << 32 | l.objid::bigint) = \(purpose.key)
                    """).rows.compactMap { $0["application_name"] }
                connection.close()
                return (nil, holders)
            }
            return (AdvisoryLease(connection: connection), [])
        } catch {
            throw StoreErrors.from(error, doing: "taking the \(purpose.name) lock", location: location)
        }
    }
}

/// Leases held together: the whole store's capture is both sources' capture locks.
final class HeldLeases: CaptureLease {
    private let leases: [AdvisoryLease]

    init(_ leases: [AdvisoryLease]) {
        self.leases = leases
    }
}

extension PostgresStore: SharedStore {
    /// Takes both sources' capture locks; throws `.captureRunning` naming the session that holds one. `now` is not
    /// needed: the server knows when.
    public func lockCapture(holder: String, now: Date) throws(StoreError) -> any CaptureLease {
        var leases: [AdvisoryLease] = []
        for side in SourceSide.allCases {
            let (lease, holders) = try AdvisoryLease.acquire(.capture(side), options: options, holder: holder, wait: false, location: location)
            guard let lease else {
                throw StoreError(
                    code: .captureRunning,
                    message: "capture is already running for this store (\(holders.first ?? "holder unknown")); stop it first: one capture per store",
                    path: location)
            }
            leases.append(lease)
        }
        return HeldLeases(leases)
    }

    /// Takes the capture lock of `side`'s source; nil while another process holds it.
    public func lockCapture(side: SourceSide, holder: String) throws(StoreError) -> (any CaptureLease)? {
        try AdvisoryLease.acquire(.capture(side), options: options, holder: holder, wait: false, location: location).lease
    }

    /// Takes the coordinator lock of partitioned closes: with `wait`, once the process holding it releases it; without,
    /// nil when another process holds it.
    public func lockCoordinator(holder: String, wait: Bool) throws(StoreError) -> (any CoordinatorLease)? {
        try AdvisoryLease.acquire(.coordinator, options: options, holder: holder, wait: wait, location: location).lease
    }

    /// Takes the lock of scheduled verifications; nil while another process holds it.
    public func lockVerification(holder: String) throws(StoreError) -> (any VerificationLease)? {
        try AdvisoryLease.acquire(.verification, options: options, holder: holder, wait: false, location: location).lease
    }
}
