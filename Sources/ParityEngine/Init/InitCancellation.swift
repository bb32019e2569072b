import Synchronization

/// Stops the other source's baseline copy once one source's init has failed: the copy checks it before each batch and
/// throws `CancellationError`, and its source cleans up as after any failure.
final class InitCancellation: Sendable {
    private let cancelled = Mutex(false)

    /// Asks every copy watching this to stop.
    func cancel() {
        cancelled.withLock { $0 = true }
    }

    /// Throws `CancellationError` once ``cancel()`` was called.
    func check() throws {
        if cancelled.withLock({ $0 }) { throw CancellationError() }
    }
}
