import Logging
import ParityConfig
import ParityEngine
import ParityModel
import ReplicationStream
import ServiceLifecycle

/// Runs the capture of both sources as a service: starts the streams, logs each source's status changes
/// (a lost source is retried with backoff by its stream while the other keeps going), and on graceful shutdown
/// stops them, which applies the transaction in hand and confirms the durable positions.
struct CaptureService: Service {
    let session: CaptureSession
    let logger: Logger
    /// How often the streams' statuses are looked at for logging.
    var pollInterval: Duration = .seconds(1)

    func run() async throws {
        session.start()
        var reported: [SourceSide: (status: String, reconnects: Int)] = [:]
        for await _ in Ticks(interval: pollInterval).cancelOnGracefulShutdown() {
            for (side, state) in session.states {
                let status = Readiness.name(state.status)
                // Every failed attempt is logged with its reason, not only the first.
                guard reported[side]?.status != status || reported[side]?.reconnects != state.reconnectCount else { continue }
                reported[side] = (status, state.reconnectCount)
                log(status, side: side, state: state)
            }
        }
        logger.info("capture stopping: finishing the transaction in hand and confirming durable positions")
        let session = session
        await Blocking.run { session.stop() }
        for (side, state) in session.states {
            logger.info("capture stopped; durable position confirmed", metadata: metadata(side, state))
        }
    }

    private func log(_ status: String, side: SourceSide, state: ReplicationStreamState) {
        var metadata = metadata(side, state)
        switch state.status {
        case .failed(let reason):
            if let failure = session.failure, failure.source == side.rawValue {
                metadata[LogKey.error.rawValue] = .string(Redaction.redact(failure.message))
                logger.error("capture failed; \(failure.fix)", metadata: metadata)
            } else {
                metadata[LogKey.error.rawValue] = .string(Redaction.redact(reason))
                logger.error("capture failed; fix the cause and restart parity run, it resumes from the durable position", metadata: metadata)
            }
        case .reconnecting:
            metadata[LogKey.error.rawValue] = .string(Redaction.redact(state.lastError ?? "unknown"))
            logger.warning("capture lost its connection or could not connect; reconnecting with backoff (attempt \(state.reconnectCount))",
                           metadata: metadata)
        default:
            logger.info("capture \(status)", metadata: metadata)
        }
    }

    private func metadata(_ side: SourceSide, _ state: ReplicationStreamState) -> Logger.Metadata {
        let slot = session.slots[side] ?? ""
        return .parity([.source: side.rawValue, .slot: slot, .lsn: state.durableLSN.description])
    }
}
