import ArgumentParser
import ParityConfig
import ParityEngine
import ParityService
import ParityStore

/// `parity worker`: one of any number of processes sharing a PostgreSQL store's capture and closes (issue 26).
struct Worker: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Share a PostgreSQL store's capture and cycle closes with other workers.",
        discussion: """
            Start any number, on any machines that reach the store (store.url) and the sources, all with the same \
            config. Each source is captured by one worker (the one holding that source's capture lock; the others \
            stand by and take over when it is gone). Each cycle's close is split into tasks over ranges of key parts: every worker runs the \
            tasks no other holds, and the worker holding the coordinator lock plans the close and records the \
            cycle. A killed worker's task rolls back and another runs it. SIGTERM or SIGINT stops the worker; a \
            task in hand finishes or rolls back. Serves the same HTTP API, reports and gate as parity run on \
            http.listen (--listen for this worker, so several can share a machine; --no-http for none).
            """
    )

    @OptionGroup var options: ConfigOptions

    @OptionGroup var service: ServiceOptions

    @Option(help: ArgumentHelp("Serve HTTP on HOST:PORT instead of http.listen (port 0: any free port, logged).", valueName: "host:port"))
    var listen: String?

    @Flag(name: .customLong("no-http"), help: "Serve no HTTP.")
    var noHTTP = false

    func validate() throws {
        if let listen, ListenAddress(parsing: listen) == nil {
            throw ValidationError("--listen takes HOST:PORT, e.g. 127.0.0.1:9188")
        }
        if listen != nil && noHTTP { throw ValidationError("--listen and --no-http exclude each other") }
    }

    func run() async throws {
        let logger = service.logger()
        let loaded = try options.load()
        guard let store = try openStore(loaded) as? any SharedStore else {
            throw CommandFailure(
                message: "the store (store.path) is a SQLite file, which one process uses; workers share a PostgreSQL store",
                fix: "set store.url to a PostgreSQL database, or run parity run", source: nil, code: .configuration)
        }
        var configuration = loaded
        if let listen = listen.flatMap(ListenAddress.init(parsing:)) { configuration.http.listen = listen }
        let services = try buildWorker(configuration: configuration, store: store, http: !noHTTP, logger: logger)
        try await ServiceOptions.run(services, command: "parity worker", logger: logger)
    }
}
