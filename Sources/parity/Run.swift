import ArgumentParser
import Logging
import ParityEngine
import ParityLogging
import ParityService
import ServiceLifecycle

/// `parity run`: the service — continuous capture, scheduled close and the HTTP API in one process.
struct Run: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the service: capture continuously, close each cycle when due, serve HTTP (127.0.0.1:9187).",
        discussion: """
            Serves /healthz, /readyz, /metrics, /api/v1/... and /reports/... on http.listen; a non-loopback \
            address needs http.token, and with a token every route but /healthz needs Authorization: Bearer. \
            Logs one line per event, JSON when standard output is not a terminal. SIGTERM or SIGINT stops the \
            server, applies the transaction in hand, confirms durable positions and exits 0.
            """
    )

    @OptionGroup var options: ConfigOptions

    @Option(help: "Log level: trace, debug, info, notice, warning, error or critical.")
    var logLevel: String = "info"

    /// How long graceful shutdown may take before the remaining work is cancelled.
    static let shutdownLimit: Duration = .seconds(30)

    func validate() throws {
        guard Logger.Level(rawValue: logLevel) != nil else {
            throw ValidationError("--log-level takes trace, debug, info, notice, warning, error or critical")
        }
    }

    func run() async throws {
        ServiceLogging.bootstrap(level: Logger.Level(rawValue: logLevel) ?? .info)
        let logger = Logger(label: "parity")
        let configuration = try options.load()
        let store = try openStore(configuration)
        let lock = try lockCapture(store, holder: "parity run")
        defer { withExtendedLifetime(lock) {} }
        let application: any Service = try buildApplication(configuration: configuration, store: store, logger: logger)
        var group = ServiceGroupConfiguration(services: [application], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        group.maximumGracefulShutdownDuration = Self.shutdownLimit
        do {
            try await ServiceGroup(configuration: group).run()
        } catch {
            logger.critical("parity run stopped", metadata: .parity([.error: Redaction.redact(String(describing: error))]))
            throw ExitCode(2)
        }
    }
}
