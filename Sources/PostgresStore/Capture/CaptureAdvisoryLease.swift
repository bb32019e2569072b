import Foundation
import ParityStore
import PostgresClient

/// The one capture a PostgreSQL store may have: a session-level advisory lock held by a session of its own, named after
/// its holder (`application_name`). The server releases the lock when the session ends: the lease is released, the
/// process ends or is killed, or its connection is lost.
final class CaptureAdvisoryLease: CaptureLease {
    private let connection: PostgresConnection

    /// The advisory lock key of the capture lock.
    static let lockKey: Int64 = 0x7061_7269_7479_0002

    private init(connection: PostgresConnection) {
        self.connection = connection
    }

    deinit { connection.close() }

    /// Takes the lock for the store reached with `options`, naming `holder` (e.g. `parity run`) with this process's id and
    /// host; throws `.captureRunning` naming the session that holds it.
    static func acquire(options: ConnectionOptions, holder: String, location: String) throws(StoreError) -> CaptureAdvisoryLease {
        var options = options
        let name = "parity capture: \(holder), pid \(getpid())@\(ProcessInfo.processInfo.hostName)"
        options.applicationName = String(name.utf8.prefix(63)) ?? "parity capture"
        do {
            let connection = try PostgresConnection.connect(options)
            let taken = try connection.query("SELECT pg_try_advisory_lock(\(lockKey)) AS taken").singleRow().decode(Bool.self, "taken")
            guard taken else {
                let holders = try connection.query("""
                    SELECT a.application_name FROM pg_locks AS l JOIN pg_stat_activity AS a ON a.pid = l.pid
                    WHERE l.locktype = 'advisory' AND l.granted AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
                        AND (l.classid::bigint << 32 | l.objid::bigint) = \(lockKey)
                    """).rows.compactMap { $0["application_name"] }
                connection.close()
                throw StoreError(
                    code: .captureRunning,
                    message: "capture is already running for this store (\(holders.first ?? "holder unknown")); stop it first: one capture per store",
                    path: location)
            }
            return CaptureAdvisoryLease(connection: connection)
        } catch {
            throw StoreErrors.from(error, doing: "taking the capture lock", location: location)
        }
    }
}

extension PostgresStore {
    /// Takes the store's capture lock (``CaptureAdvisoryLease``); `now` is not needed: the server knows when.
    public func lockCapture(holder: String, now: Date) throws(StoreError) -> any CaptureLease {
        try CaptureAdvisoryLease.acquire(options: options, holder: holder, location: location)
    }
}
