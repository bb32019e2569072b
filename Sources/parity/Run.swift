import ArgumentParser
import ParityEngine
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

    @OptionGroup var service: ServiceOptions

    func run() async throws {
        let logger = service.logger()
        let configuration = try options.load()
        let store = try openStore(configuration)
        let lock = try lockCapture(store, holder: "parity run")
        defer { withExtendedLifetime(lock) {} }
        let application: any Service = try buildApplication(configuration: configuration, store: store, logger: logger)
        try await ServiceOptions.run([application], command: "parity run", logger: logger)
    }
}
