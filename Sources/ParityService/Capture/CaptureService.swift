import Logging
import ParityConfig
import ParityEngine
import ParityLogging
import ParityModel
import ReplicationStream
import ServiceLifecycle

/// Runs the capture of both sources as a service (`parity run` and `parity capture`): starts the streams, which log
/// their connections, reconnects and recoveries as they happen (a lost source is retried with backoff by its stream
/// while the other keeps going); logs a stream that failed with what to do; and on graceful shutdown stops them, which
/// applies the transaction in hand and confirms the durable positions. A worker's capture (`endsOnFailure`) stops at
/// its stream's failure instead, for its standby to hand the source's capture lock over.
public struct CaptureService: Service {
    let session: CaptureSession
    let logger: Logger
    /// Whether a stream's failure ends the capture (a worker's) rather than leaving it to be reported and restarted.
    var endsOnFailure = false
    /// How often the streams are looked at for a failure to report with its fix.
    var pollInterval: Duration = .seconds(1)

    /// A service capturing `session`'s sources, logging to `logger` (the session logs its streams to its own).
    public init(session: CaptureSession, logger: Logger) {
        self.session = session
        self.logger = logger
    }

    public func run() async throws {
        _ = await capture()
    }

    /// Captures until graceful shutdown or, with `endsOnFailure`, a stream's failure, then stops the streams; true when a
    /// stream failed.
    func capture() async -> Bool {
        session.start()
        var reported: Set<SourceSide> = []
        for await _ in Ticks(interval: pollInterval).cancelOnGracefulShutdown() {
            for (side, state) in session.states where !reported.contains(side) {
                guard case .failed(let reason) = state.status else { continue }
                reported.insert(side)
                logFailure(reason, side: side, state: state)
            }
            if endsOnFailure && !reported.isEmpty { break }
        }
        logger.info("capture stopping: finishing the transaction in hand and confirming durable positions")
        let session = session
        await Blocking.run { session.stop() }
        for (side, state) in session.states {
            logger.info("capture stopped; durable position confirmed", metadata: metadata(side, state))
        }
        return !reported.isEmpty
    }

    private func logFailure(_ reason: String, side: SourceSide, state: ReplicationStreamState) {
        var metadata = metadata(side, state)
        if let failure = session.failure, failure.source == side.rawValue {
            metadata[LogKey.error.rawValue] = .string(Redaction.redact(failure.message))
            logger.error("capture failed; \(failure.fix)", metadata: metadata)
        } else {
            metadata[LogKey.error.rawValue] = .string(Redaction.redact(reason))
            let then = endsOnFailure
                ? "the worker releases the source's capture lock and tries again" : "fix the cause and restart parity run"
            logger.error("capture failed; \(then), it resumes from the durable position", metadata: metadata)
        }
    }

    private func metadata(_ side: SourceSide, _ state: ReplicationStreamState) -> Logger.Metadata {
        let slot = session.slots[side] ?? ""
        return .parity([.source: side.rawValue, .slot: slot, .lsn: state.durableLSN.description])
    }
}
