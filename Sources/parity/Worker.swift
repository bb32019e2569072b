import ArgumentParser
import ParityEngine
import ParityService
import ParityModel
import ParityStore
import ServiceLifecycle

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
            task in hand finishes or rolls back. Serves no HTTP: run parity report, gate and status from anywhere.
            """
    )

    @OptionGroup var options: ConfigOptions

    @OptionGroup var service: ServiceOptions

    func run() async throws {
        let logger = service.logger()
        let configuration = try options.load()
        guard let store = try openStore(configuration) as? any SharedStore else {
            throw CommandFailure(
                message: "the store (store.path) is a SQLite file, which one process uses; workers share a PostgreSQL store",
                fix: "set store.url to a PostgreSQL database, or run parity run", source: nil, code: .configuration)
        }
        let services: [any Service] = SourceSide.allCases.map { side in
            CaptureStandby(configuration: configuration, store: store, side: side, logger: logger)
        } + [CloseWorker(configuration: configuration, store: store, logger: logger)]
        try await ServiceOptions.run(services, command: "parity worker", logger: logger)
    }
}
