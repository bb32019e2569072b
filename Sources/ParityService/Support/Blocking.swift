import Dispatch

/// Runs blocking engine calls (libpq, SQLite, thread joins) off the cooperative thread pool.
public enum Blocking {
    /// Runs `body` on a global dispatch queue and returns its result or error.
    public static func run<T: Sendable, E: Error>(_ body: @escaping @Sendable () throws(E) -> T) async throws(E) -> T {
        let result: Result<T, E> = await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(returning: Result { () throws(E) -> T in try body() })
            }
        }
        return try result.get()
    }
}
