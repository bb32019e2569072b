import Foundation
import ParityConfig
import ParityModel
import PostgresClient
import SourceQueries

/// `sources.<side>.heartbeat`: while capture runs, writes a non-transactional logical message to the source every
/// interval. Parity asks an idle server for a keepalive already; the heartbeat is for servers where that is not enough
/// (a proxy in between that answers for the server). Off by default: it writes to the source (a few bytes of WAL).
final class Heartbeat: @unchecked Sendable {
    /// The message prefix; capture ignores its own messages.
    static let prefix = "parity.heartbeat"

    private let options: ConnectionOptions
    private let thread: PeriodicThread
    private let lock = NSLock()
    private var error: String?
    /// The heartbeat thread's connection; only that thread touches it.
    private var connection: PostgresConnection?

    /// A heartbeat for `source` every `interval`; nothing happens until ``start()``.
    init(source: SourceConfiguration, side: SourceSide, interval: Duration) {
        var options = ConnectionOptions(source: source)
        options.statementTimeout = .seconds(10)
        self.options = options
        thread = PeriodicThread(name: "parity-heartbeat-\(side.rawValue)", interval: interval)
    }

    /// Starts writing, at once and then every interval, until ``stop()``.
    func start() {
        thread.start(
            tick: { [self] in beat() },
            finish: { [self] in
                connection?.close()
                connection = nil
            })
    }

    /// Stops writing and closes the connection.
    func stop(timeout: Duration = .seconds(10)) {
        thread.stop(timeout: timeout)
    }

    /// The last failure (cleared by the next message written), without secrets.
    var lastError: String? {
        lock.withLock { error }
    }

    private func beat() {
        do {
            let connection = try connection ?? PostgresConnection.connect(options)
            self.connection = connection
            _ = try connection.query("SELECT pg_logical_emit_message(false, \(Self.prefix), '')")
            lock.withLock { error = nil }
        } catch {
            connection?.close()
            connection = nil
            lock.withLock { self.error = "\(error)" }
        }
    }
}
