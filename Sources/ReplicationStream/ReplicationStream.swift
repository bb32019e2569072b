import Foundation
import LogicalReplication
import Logging
import ParityLogging

/// Streams a logical replication slot into a ``ReplicationConsumer`` on a dedicated thread,
/// confirming only what the consumer made durable and reconnecting after connection loss. Each lost connection, failed
/// attempt and recovery is logged as it happens.
public final class ReplicationStream: @unchecked Sendable {
    /// What the stream connects to and how it behaves.
    public let configuration: ReplicationStreamConfiguration
    /// Where connections, reconnects and recoveries are logged; its metadata (the source) is kept on every event.
    let logger: Logger
    private let consumer: any ReplicationConsumer
    private let condition = NSCondition()
    private var current: ReplicationStreamState
    private var recordedFailure: (any Error)?
    private var started = false
    private var finished = false
    private var stopRequested = false

    /// Creates a stream; nothing happens until ``start()``.
    public init(configuration: ReplicationStreamConfiguration, consumer: any ReplicationConsumer, logger: Logger = .discarding) {
        self.configuration = configuration
        self.consumer = consumer
        var logger = logger
        logger[metadataKey: LogKey.slot.rawValue] = "\(configuration.slot)"
        self.logger = logger
        self.current = ReplicationStreamState(durableLSN: configuration.startLSN)
    }

    /// Starts the stream's thread, which runs until ``stop()`` or a failure; later calls do nothing.
    public func start() {
        let first = condition.withLock {
            defer { started = true }
            if !started { current.status = .connecting }
            return !started
        }
        guard first else { return }
        let thread = Thread { [self] in
            var worker = StreamWorker(stream: self, configuration: configuration, consumer: consumer)
            worker.run()
        }
        thread.name = "parity-replication-\(configuration.slot)"
        thread.start()
    }

    /// Asks the stream to stop: it finishes the transaction being applied, confirms the durable position and closes.
    public func stop() {
        condition.withLock {
            stopRequested = true
            condition.broadcast()
        }
    }

    /// Waits until the stream has stopped or failed; false when `timeout` passed first.
    @discardableResult
    public func waitUntilStopped(timeout: Duration) -> Bool {
        let deadline = Date().addingTimeInterval(timeout.seconds)
        return condition.withLock {
            while started && !finished {
                if !condition.wait(until: deadline) { break }
            }
            return !started || finished
        }
    }

    /// A snapshot of the stream's progress and health.
    public var state: ReplicationStreamState {
        condition.withLock { current }
    }

    /// The error that stopped the stream, if it failed.
    public var failure: (any Error)? {
        condition.withLock { recordedFailure }
    }

    /// Whether ``stop()`` was called.
    var isStopRequested: Bool {
        condition.withLock { stopRequested }
    }

    /// Changes the published state.
    func update(_ change: (inout ReplicationStreamState) -> Void) {
        condition.withLock { change(&current) }
    }

    /// Sleeps for `duration` unless a stop is requested first; true when the full time passed.
    func pause(for duration: Duration) -> Bool {
        let deadline = Date().addingTimeInterval(duration.seconds)
        return condition.withLock {
            while !stopRequested {
                if !condition.wait(until: deadline) { return true }
            }
            return false
        }
    }

    /// Marks the stream finished, failed when `error` is given, and wakes the waiters.
    func finish(failure error: (any Error)?) {
        condition.withLock {
            recordedFailure = error
            current.status = error.map { .failed(String(describing: $0)) } ?? .stopped
            finished = true
            condition.broadcast()
        }
    }
}

extension Duration {
    /// The duration in seconds, as a floating-point number.
    var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
