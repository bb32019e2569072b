import Foundation
import Logging
import ParityConfig
import ParityEngine
import ParityLogging
import ServiceLifecycle
import SourceQueries

/// Closes each cycle once both sources are complete through its `end + settle`, on a timer; counts and logs
/// every close, and after closing takes the legacy inventory again and evaluates the gate for its metric.
struct CycleScheduler: Service {
    let state: ServiceState
    let logger: Logger

    /// How often due cycles are looked for: `settle`, between 1 and 5 seconds.
    static func interval(_ cycle: CycleConfiguration) -> Duration {
        max(.seconds(1), min(cycle.settle, .seconds(5)))
    }

    /// What was last logged about a cycle not closing, so a condition that lasts is logged once.
    private struct Reported {
        var waiting: String?
        var failure: String?
    }

    func run() async throws {
        var reported = Reported()
        for await _ in Ticks(interval: Self.interval(state.configuration.cycle)).cancelOnGracefulShutdown() {
            await closeDue(&reported)
        }
    }

    /// Closes what is due, counting and logging each close.
    private func closeDue(_ reported: inout Reported) async {
        let (configuration, store, logger) = (state.configuration, state.store, logger)
        let outcome: CloseOutcome
        do {
            outcome = try await Blocking.run { () throws(EngineError) in
                try CycleCloser.close(configuration, store: store, logger: logger)
            }
        } catch {
            if reported.failure != error.description {
                logger.error("closing cycles failed; retrying every tick", metadata: .parity([.error: Redaction.redact(error.description)]))
            }
            reported.failure = error.description
            return
        }
        reported.failure = nil
        for closed in outcome.closed {
            state.metrics.recordClose(status: closed.cycle.status)
            logger.cycleClosed(closed)
        }
        if !outcome.closed.isEmpty { await state.refreshAfterClose(logger: logger) }
        let waiting = outcome.waiting.map { "\($0.label) \($0.behind.map(\.side.rawValue))" }
        if let wait = outcome.waiting, waiting != reported.waiting { logger.debug("next cycle not closed yet: \(wait.description)") }
        reported.waiting = waiting
    }
}
