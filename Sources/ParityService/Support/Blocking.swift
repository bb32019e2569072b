import Foundation

/// Runs blocking engine calls (libpq, SQLite, thread joins) off the cooperative thread pool.
public enum Blocking {
    /// Runs `body` on a thread of its own and returns its result or error.
    ///
    /// Not on a dispatch queue: Linux's global queues run a few threads per core, and a close or a slot check holding
    /// them for minutes would leave a capture's start, a readiness probe or a report waiting behind it.
    public static func run<T: Sendable, E: Error>(_ body: @escaping @Sendable () throws(E) -> T) async throws(E) -> T {
        let result: Result<T, E> = await withCheckedContinuation { continuation in
            let thread = Thread {
                continuation.resume(returning: Result { () throws(E) -> T in try body() })
            }
            thread.name = "parity-blocking"
            thread.start()
        }
        return try result.get()
    }
}
