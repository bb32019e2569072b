import ArgumentParser
import Logging
import ParityLogging
import ParityService
import ServiceLifecycle

/// What the long-running commands (`parity run`, `parity worker`) share: the log level, and running their services
/// until SIGTERM or SIGINT.
struct ServiceOptions: ParsableArguments {
    @Option(help: "Log level: trace, debug, info, notice, warning, error or critical.")
    var logLevel: String = "info"

    /// How long graceful shutdown may take before the remaining work is cancelled.
    static let shutdownLimit: Duration = .seconds(30)

    func validate() throws {
        guard Logger.Level(rawValue: logLevel) != nil else {
            throw ValidationError("--log-level takes trace, debug, info, notice, warning, error or critical")
        }
    }

    /// Sends log lines at the chosen level to standard output; the command's logger.
    func logger() -> Logger {
        ServiceLogging.bootstrap(level: Logger.Level(rawValue: logLevel) ?? .info)
        return Logger(label: "parity")
    }

    /// Runs `services` until SIGTERM or SIGINT stops them gracefully; a service that fails stops `command` with exit 2.
    static func run(_ services: [any Service], command: String, logger: Logger) async throws {
        var group = ServiceGroupConfiguration(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        group.maximumGracefulShutdownDuration = shutdownLimit
        do {
            try await ServiceGroup(configuration: group).run()
        } catch {
            logger.critical("\(command) stopped", metadata: .parity([.error: Redaction.redact(String(describing: error))]))
            throw ExitCode(2)
        }
    }
}
