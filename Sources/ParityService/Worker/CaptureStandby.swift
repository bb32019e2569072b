import Logging
import ParityConfig
import ParityEngine
import ParityLogging
import ParityStore
import ServiceLifecycle

/// A `parity worker`'s capture: the store has one capture, held by the worker with its capture lock. The others stand
/// by, trying the lock every `interval`: the first to take it once its holder is gone (stopped, killed, cut off) resumes
/// capture from the durable positions.
public struct CaptureStandby: Service {
    let configuration: ParityConfiguration
    let store: any Store
    let logger: Logger
    /// How often a standing-by worker tries the capture lock.
    var interval: Duration = .seconds(5)

    /// A worker's capture of `configuration`'s sources into `store`.
    public init(configuration: ParityConfiguration, store: any Store, logger: Logger) {
        self.configuration = configuration
        self.store = store
        self.logger = logger
    }

    public func run() async throws {
        var standingBy = false
        for await _ in Ticks(interval: interval).cancelOnGracefulShutdown() {
            guard let lease = try takeLease() else {
                if !standingBy { logger.info("capture runs in another process; standing by to take over") }
                standingBy = true
                continue
            }
            logger.info("capture lock taken; capturing")
            let session = try CaptureSession(configuration: configuration, store: store, logger: logger)
            try session.checkSlots(configuration: configuration)
            try await CaptureService(session: session, logger: logger).run()
            withExtendedLifetime(lease) {}  // held while capture runs, released once it has stopped
            return
        }
    }

    /// The capture lock, or nil while another process holds it.
    private func takeLease() throws(StoreError) -> (any CaptureLease)? {
        do {
            return try store.lockCapture(holder: "parity worker")
        } catch where error.code == .captureRunning {
            return nil
        }
    }
}
