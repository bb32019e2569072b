/// An endless sequence that yields at once, then every `interval`, until its task is cancelled.
///
/// Loops over it end with `.cancelOnGracefulShutdown()` so a service stops ticking on SIGTERM.
struct Ticks: AsyncSequence, Sendable {
    /// The pause between ticks.
    let interval: Duration

    struct AsyncIterator: AsyncIteratorProtocol {
        let interval: Duration
        var first = true

        mutating func next() async -> Void? {
            if first {
                first = false
            } else {
                try? await Task.sleep(for: interval)
            }
            return Task.isCancelled ? nil : ()
        }
    }

    func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(interval: interval)
    }
}
