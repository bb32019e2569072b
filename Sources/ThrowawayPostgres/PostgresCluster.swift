import Foundation
import PostgresClient

/// A throwaway PostgreSQL cluster for tests: its own data folder, loopback only, a free port,
/// `wal_level=logical`, trust authentication. Stopped and deleted by `stop()`, on deinit, and by
/// a watchdog process if the test process dies first (a crash, kill -9, Ctrl-C).
///
/// As root the server runs as the `postgres` user through `runuser`, on a data folder it owns.
public final class PostgresCluster: @unchecked Sendable {
    /// The TCP port on 127.0.0.1.
    public let port: Int
    /// The cluster's temp folder: data folder, server log and Unix socket.
    public let directory: String
    /// The postmaster's process id (a new one after `restart()`).
    public var postmasterPID: Int32 { lock.withLock { pid } }
    private var pid: Int32
    private let binaries: ServerBinaries
    private let lock = NSLock()
    private var stopped = false
    private var kept = false

    /// Settings every test cluster gets; `start(settings:)` may override any of them.
    public static let defaultSettings: [String: String] = [
        "listen_addresses": "'127.0.0.1'",
        "wal_level": "logical",
        "max_wal_senders": "20",
        "max_replication_slots": "20",
        "fsync": "off",
        "full_page_writes": "off",
        "max_connections": "50",
        "shared_buffers": "64MB",
    ]

    private init(port: Int, directory: String, postmasterPID: Int32, binaries: ServerBinaries) {
        self.port = port
        self.directory = directory
        self.pid = postmasterPID
        self.binaries = binaries
    }

    deinit { if !lock.withLock({ kept }) { stop() } }

    /// Leaves the server running after this object and its process are gone (start it with `ownerPID: 1` so the
    /// watchdog does not remove it either); stop it with `pg_ctl -D <directory>/data stop` and delete the folder.
    public func keep() {
        lock.withLock { kept = true }
    }

    /// Creates and starts a cluster. Throws (never skips) when PostgreSQL cannot start.
    public static func start(settings: [String: String] = [:]) throws(ClusterError) -> PostgresCluster {
        try start(settings: settings, ownerPID: getpid())
    }

    /// Creates and starts a cluster that the watchdog removes once process `ownerPID` is gone.
    public static func start(settings: [String: String], ownerPID: Int32) throws(ClusterError) -> PostgresCluster {
        let binaries = try ServerBinaries.locate()
        let template = try ClusterTemplate.shared(binaries: binaries)
        let directory = try ClusterTemplate.makeDirectory()
        try Watchdog.guardFolder(directory, ownerPID: ownerPID)
        try ServerUser.run(["cp", "-a", template + "/data", directory + "/data"])
        var configuration = defaultSettings.merging(settings) { _, override in override }
        configuration["unix_socket_directories"] = "'\(directory)'"
        let lines = configuration.sorted { $0.key < $1.key }.map { "\($0.key) = \($0.value)" }
        try appendConfiguration(lines, to: directory + "/data/postgresql.conf")

        var lastError: ClusterError?
        for _ in 0..<5 {
            let port = try FreePort.pick()
            do {
                try startServer(binaries, directory: directory, port: port)
            } catch {
                let log = (try? String(contentsOfFile: directory + "/server.log", encoding: .utf8)) ?? ""
                lastError = ClusterError(
                    "PostgreSQL did not start: \(error.message)\n--- server log ---\n\(log.suffix(2000))",
                    fix: "see the server log above"
                )
                if log.contains("Address already in use") { continue }
                break
            }
            let pid = try readPostmasterPID(directory)
            return PostgresCluster(port: port, directory: directory, postmasterPID: pid, binaries: binaries)
        }
        try? FileManager.default.removeItem(atPath: directory)
        throw lastError ?? ClusterError("PostgreSQL did not start", fix: "see the server log")
    }

    /// A libpq connection string for a database on this cluster (trust auth, no password).
    public func dsn(database: String = "postgres", user: String = "postgres") -> String {
        "host=127.0.0.1 port=\(port) dbname=\(quoteConnectionValue(database)) user=\(quoteConnectionValue(user))"
    }

    /// Opens a session on a database of this cluster.
    public func connect(database: String = "postgres", user: String = "postgres") throws(PostgresError) -> PostgresConnection {
        try PostgresConnection.connect(ConnectionOptions(dsn: dsn(database: database, user: user), applicationName: "parity-tests"))
    }

    /// Creates an empty database.
    public func createDatabase(_ name: String) throws(PostgresError) {
        let connection = try connect()
        defer { connection.close() }
        try connection.query("CREATE DATABASE \(identifier: name)")
    }

    /// Runs a multi-statement SQL script on a database (fixtures and scenario setup).
    public func run(_ script: String, database: String = "postgres") throws(PostgresError) {
        let connection = try connect(database: database)
        defer { connection.close() }
        try connection.execute(unsafeScript: script)
    }

    /// Stops the server (fast shutdown) and deletes its folder. Safe to call more than once.
    public func stop() {
        lock.lock()
        defer { lock.unlock() }
        guard !stopped else { return }
        stopped = true
        let pidFile = directory + "/data/postmaster.pid"
        kill(pid, SIGINT)
        if !waitForRemoval(of: pidFile, seconds: 15) {
            kill(pid, SIGKILL)
            _ = waitForRemoval(of: pidFile, seconds: 5)
        }
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// Stops the server (fast shutdown) and starts it again on the same port and data folder, keeping its data.
    public func restart() throws(ClusterError) {
        lock.lock()
        defer { lock.unlock() }
        guard !stopped else { throw ClusterError("the cluster was stopped", fix: "start a new cluster") }
        kill(pid, SIGINT)
        guard waitForRemoval(of: directory + "/data/postmaster.pid", seconds: 60) else {
            throw ClusterError("PostgreSQL did not shut down within 60 s", fix: "see \(directory)/server.log")
        }
        try Self.startServer(binaries, directory: directory, port: port)
        pid = try Self.readPostmasterPID(directory)
    }

    /// True while the postmaster process is alive (not exited, not a zombie).
    public var isRunning: Bool {
        let postmasterPID = postmasterPID
        guard let stat = try? String(contentsOfFile: "/proc/\(postmasterPID)/stat", encoding: .utf8) else {
            return kill(postmasterPID, 0) == 0
        }
        let state = stat.split(separator: ")").last?.split(separator: " ").first
        return state != "Z" && state != "X"
    }

    /// Quotes a connection-string value when it needs it (spaces, quotes, backslashes, empty).
    private func quoteConnectionValue(_ value: String) -> String {
        let plain = !value.isEmpty && value.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
        guard !plain else { return value }
        return "'" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
    }

    private func waitForRemoval(of path: String, seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while FileManager.default.fileExists(atPath: path) {
            if Date() > deadline { return false }
            usleep(10_000)
        }
        return true
    }

    private static func appendConfiguration(_ lines: [String], to path: String) throws(ClusterError) {
        do {
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(("\n# parity test cluster\n" + lines.joined(separator: "\n") + "\n").utf8))
        } catch {
            throw ClusterError("cannot write \(path): \(error)", fix: "check the temp folder's permissions")
        }
    }

    /// Starts the postmaster of the cluster in `directory` on `port` and waits until it accepts connections.
    private static func startServer(_ binaries: ServerBinaries, directory: String, port: Int) throws(ClusterError) {
        try ServerUser.run([
            binaries.path("pg_ctl"), "-D", directory + "/data", "-l", directory + "/server.log",
            "-w", "-t", "60", "-o", "-p \(port)", "start",
        ])
    }

    private static func readPostmasterPID(_ directory: String) throws(ClusterError) -> Int32 {
        let path = directory + "/data/postmaster.pid"
        guard let text = try? String(contentsOfFile: path, encoding: .utf8),
              let first = text.split(separator: "\n").first, let pid = Int32(first)
        else {
            throw ClusterError("cannot read \(path) after start", fix: "see \(directory)/server.log")
        }
        return pid
    }
}
