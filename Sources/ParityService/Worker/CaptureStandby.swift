import Logging
import ParityConfig
import ParityEngine
import ParityLogging
import ParityModel
import ParityStore
import ServiceLifecycle

/// A `parity worker`'s capture of one source: each source has one capture, run by the worker holding that source's
/// capture lock. The others stand by, trying the lock every `interval`: the first to take it once its holder is gone
/// (stopped, killed, cut off) resumes capture from the source's durable position. The two sources' captures may run in
/// different workers. A capture that cannot start (a source unreachable, its slot still held by a killed worker's
/// walsender), or whose stream fails once started (an error a reconnect cannot cure: the store refusing a write, the
/// slot dropped), stops, releases the lock and stands by again: another worker, or this one at its next try, resumes
/// from the durable position; the worker keeps closing meanwhile.
public struct CaptureStandby: Service {
    let configuration: ParityConfiguration
    let store: any SharedStore
    let side: SourceSide
    /// Where this process's running captures are listed (readiness and metrics read them).
    let captures: CaptureStates
    let logger: Logger
    /// How often a standing-by worker tries the capture lock.
    var interval: Duration = .seconds(5)

    /// A worker's capture of `configuration`'s `side` source into `store`.
    public init(configuration: ParityConfiguration, store: any SharedStore, side: SourceSide, captures: CaptureStates, logger: Logger) {
        self.configuration = configuration
        self.store = store
        self.side = side
        self.captures = captures
        var logger = logger
        logger[metadataKey: LogKey.source.rawValue] = "\(side.rawValue)"
        self.logger = logger
    }

    public func run() async throws {
        var standingBy = false
        // The last reason capture could not run: the same reason again, every `interval` in every worker until someone
        // fixes it, is logged at debug level.
        var failure: String?
        for await _ in Ticks(interval: interval).cancelOnGracefulShutdown() {
            let (store, side, configuration, logger) = (store, side, configuration, logger)
            guard let lease = try await Blocking.run({ () throws(StoreError) in try store.lockCapture(side: side, holder: "parity worker") }) else {
                if !standingBy { logger.info("capture of this source runs in another process; standing by to take over") }
                standingBy = true
                continue
            }
            if failure == nil { logger.info("capture lock taken; capturing") }
            do {
                // Opening the session and checking the slots block (libpq, up to 15 s for a slot still held): off the
                // cooperative pool, which the worker's HTTP server and closes share.
                let session = try await Blocking.run { () throws -> CaptureSession in
                    let session = try CaptureSession(configuration: configuration, store: store, sides: [side], logger: logger)
                    try session.checkSlots(configuration: configuration)
                    return session
                }
                failure = nil
                captures.attach(session)
                defer { captures.detach(session) }
                var capture = CaptureService(session: session, logger: logger)
                capture.endsOnFailure = true
                let failed = await capture.capture()
                withExtendedLifetime(lease) {}  // held while capture runs, released once it has stopped
                guard failed else { return }
                logger.warning("capture stopped by its failure; releasing the capture lock and standing by to try again")
                standingBy = false
            } catch {
                // The lock goes with the lease at the end of this tick: another worker, or this one later, tries again.
                let reason = Redaction.redact("\(error)")
                logger.log(
                    level: reason == failure ? .debug : .error,
                    "capture could not run; releasing the capture lock and standing by to try again (logged again when the reason changes)",
                    metadata: .parity([.error: reason]))
                failure = reason
                standingBy = false
            }
        }
    }
}
