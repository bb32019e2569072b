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
///
/// A worker serving HTTP also keeps what `parity run`'s scheduler keeps for its routes: its metrics count the closes it
/// ran as coordinator, and every new cycle in the store, whichever worker closed it, takes the legacy inventory again
/// and evaluates the gate.
struct CloseWorker: Service {
    let configuration: ParityConfiguration
    let store: any Store & PartitionedCycleStore
    /// The HTTP routes' state; nil for a worker serving none.
    let state: ServiceState?
    let logger: Logger
    /// How often tasks and due cycles are looked for.
    var interval: Duration = .seconds(1)

    func run() async throws {
        var reported: String?
        var latestCycle: Int64?
        for await _ in Ticks(interval: interval).cancelOnGracefulShutdown() {
            let (configuration, store, logger) = (configuration, store, logger)
            do {
                let ran = try await Blocking.run { () throws(EngineError) in try PartitionedClose.runTasks(configuration, store: store) }
                if ran > 0 { logger.debug("close tasks run", metadata: ["tasks": "\(ran)"]) }
                let outcome = try await Blocking.run { () throws(EngineError) in
                    try CycleCloser.close(configuration, store: store, logger: logger, waitForCoordinator: false)
                }
                for closed in outcome.closed {
                    state?.metrics.recordClose(status: closed.cycle.status)
                    logger.cycleClosed(closed)
                }
                if let state {
                    let latest = try await Blocking.run { () throws(StoreError) in try store.latestCycle()?.id }
                    if latest != latestCycle {
                        await state.refreshAfterClose(logger: logger)
                        latestCycle = latest
                    }
                }
                reported = nil
            } catch {
                if reported != "\(error)" {
                    logger.error("closing cycles failed; retrying every tick", metadata: .parity([.error: Redaction.redact("\(error)")]))
                }
                reported = "\(error)"
            }
        }
    }
}
