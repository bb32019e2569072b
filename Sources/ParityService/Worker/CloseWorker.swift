import Logging
import ParityConfig
import ParityEngine
import ParityLogging
import ParityStore
import ServiceLifecycle
import SourceQueries

/// A `parity worker`'s share of the closes (issue 26): on every tick it runs the close tasks no other worker holds,
/// then, if no other worker holds the coordinator lock, closes what is due as the coordinator (planning, running
/// tasks, reducing). A worker killed mid-task leaves its task to another; a coordinator killed mid-close leaves the
/// lock, and its plan, to the next worker whose tick takes it.
public struct CloseWorker: Service {
    let configuration: ParityConfiguration
    let store: any Store & PartitionedCycleStore
    let logger: Logger
    /// How often tasks and due cycles are looked for.
    var interval: Duration = .seconds(1)

    /// A worker closing cycles of `store` under `configuration`.
    public init(configuration: ParityConfiguration, store: any Store & PartitionedCycleStore, logger: Logger) {
        self.configuration = configuration
        self.store = store
        self.logger = logger
    }

    public func run() async throws {
        var reported: String?
        for await _ in Ticks(interval: interval).cancelOnGracefulShutdown() {
            let (configuration, store, logger) = (configuration, store, logger)
            do {
                let ran = try await Blocking.run { () throws(EngineError) in try PartitionedClose.runTasks(configuration, store: store) }
                if ran > 0 { logger.debug("close tasks run", metadata: ["tasks": "\(ran)"]) }
                let outcome = try await Blocking.run { () throws(EngineError) in
                    try CycleCloser.close(configuration, store: store, logger: logger, waitForCoordinator: false)
                }
                outcome.closed.forEach(logger.cycleClosed)
                reported = nil
            } catch {
                if reported != error.description {
                    logger.error("closing cycles failed; retrying every tick", metadata: .parity([.error: Redaction.redact(error.description)]))
                }
                reported = error.description
            }
        }
    }
}
