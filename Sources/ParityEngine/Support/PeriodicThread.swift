import Foundation
import Reconciliation

/// Runs a task on a thread of its own, at once and then every interval, until stopped; the census and the heartbeat
/// run on one each, beside capture.
final class PeriodicThread: @unchecked Sendable {
    private let name: String
    private let interval: Duration
    private let condition = NSCondition()
    private var started = false
    private var finished = false
    private var stopRequested = false

    /// A thread named `name` that will run every `interval` once started.
    init(name: String, interval: Duration) {
        self.name = name
        self.interval = interval
    }

    /// Runs `tick` at once and then every interval until ``stop(timeout:)``, then `finish`; later calls do nothing.
    func start(tick: @escaping @Sendable () -> Void, finish: @escaping @Sendable () -> Void) {
        let first = condition.withLock {
            defer { started = true }
            return !started
        }
        guard first else { return }
        let thread = Thread { [self] in
            repeat { tick() } while waitForNext()
            finish()
            condition.withLock {
                finished = true
                condition.broadcast()
            }
        }
        thread.name = name
        thread.start()
    }

    /// Asks the thread to stop and waits up to `timeout` for its `finish` to have run.
    func stop(timeout: Duration = .seconds(10)) {
        let deadline = Date().addingTimeInterval(timeout.timeInterval)
        condition.withLock {
            stopRequested = true
            condition.broadcast()
            while started && !finished {
                if !condition.wait(until: deadline) { break }
            }
        }
    }

    /// Sleeps one interval; false when a stop was requested.
    private func waitForNext() -> Bool {
        let deadline = Date().addingTimeInterval(interval.timeInterval)
        return condition.withLock {
            while !stopRequested {
                if !condition.wait(until: deadline) { break }
            }
            return !stopRequested
        }
    }
}
