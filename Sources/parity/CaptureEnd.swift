import ParityConfig
import ParityEngine
import ParityService
import ServiceLifecycle
import SourceQueries
import Synchronization

/// What ends `parity capture`, run beside the capture service in its group: SIGINT or SIGTERM, a stream that failed
/// (thrown, with what to do), or with `--until-caught-up` every source caught up to the moment it started. Its end shuts
/// the group down gracefully: the capture applies the transaction in hand and confirms the durable positions.
///
/// It owns the stop signals rather than the group's `gracefulShutdownSignals`, because the exit status of a capture
/// stopped before it caught up is the shell's for the signal (128 + its number), which the group does not say.
final class CaptureEnd: Service, Sendable {
    /// Why the capture ended without a failure.
    enum Reason: Equatable, Sendable {
        /// Every source caught up.
        case caughtUp
        /// A stop signal arrived (`SIGINT` or `SIGTERM`).
        case signal(Int32)
    }

    private let session: CaptureSession
    private let configuration: ParityConfiguration
    /// With `--until-caught-up`, how long catching up may take; nil to capture until stopped.
    private let catchUpTimeout: Duration?
    private let ended = Mutex<Reason?>(nil)

    init(session: CaptureSession, configuration: ParityConfiguration, catchUpTimeout: Duration?) {
        self.session = session
        self.configuration = configuration
        self.catchUpTimeout = catchUpTimeout
    }

    /// Why the capture ended, once ``run()`` returned.
    var reason: Reason? { ended.withLock { $0 } }

    func run() async throws {
        let (session, configuration, catchUpTimeout) = (session, configuration, catchUpTimeout)
        let reason = try await Blocking.run { () throws(EngineError) -> Reason in
            let stop = StopSignal()
            guard let catchUpTimeout else {
                while !stop.wait(seconds: 0.2) {
                    if let failure = session.failure { throw failure }
                }
                printError("stopping: finishing the transaction in hand and confirming durable positions")
                return .signal(stop.received)
            }
            if try session.waitUntilCaughtUp(configuration: configuration, timeout: catchUpTimeout, keepWaiting: { !stop.wait(seconds: 0) }) {
                return .caughtUp
            }
            printError("stopping before every source caught up: finishing the transaction in hand and confirming durable positions")
            return .signal(stop.received)
        }
        ended.withLock { $0 = reason }
    }
}
