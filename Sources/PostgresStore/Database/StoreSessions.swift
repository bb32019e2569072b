import Foundation
import ParityStore

/// The store's sessions, one per thread that is using the store, up to `maximum` (more callers wait for one to be
/// free): capture, a close and the HTTP API's readers run side by side, each in its own transaction. A call made on a
/// thread inside one of its transactions (a reader's, during a close) joins that transaction. A session whose
/// connection broke is dropped, and the next call opens a new one.
final class StoreSessions: @unchecked Sendable {
    private let condition = NSCondition()
    private var idle: [StoreSession] = []
    private var opened = 0
    /// The session each thread holds, and how many calls deep.
    private var held: [pthread_t: (session: StoreSession, depth: Int)] = [:]
    private let maximum: Int
    private let open: () throws(StoreError) -> StoreSession

    /// Sessions opened by `open` when needed, at most `maximum` at a time.
    init(maximum: Int, open: @escaping () throws(StoreError) -> StoreSession) {
        self.maximum = max(1, maximum)
        self.open = open
    }

    /// Calls `body` with this thread's session: the one it holds, else an idle one, else a new one.
    func with<T>(_ body: (StoreSession) throws(StoreError) -> T) throws(StoreError) -> T {
        let thread = pthread_self()
        let session = try take(for: thread)
        defer { give(back: session, from: thread) }
        return try body(session)
    }

    /// Calls `body` with this thread's session (``with(_:)``); errors of `body` pass through as they are.
    func passingErrors<T>(_ body: (StoreSession) throws -> T) throws -> T {
        let thread = pthread_self()
        let session = try take(for: thread)
        defer { give(back: session, from: thread) }
        return try body(session)
    }

    private func take(for thread: pthread_t) throws(StoreError) -> StoreSession {
        condition.lock()
        if let entry = held[thread] {
            held[thread] = (entry.session, entry.depth + 1)
            condition.unlock()
            return entry.session
        }
        while idle.isEmpty && opened >= maximum { condition.wait() }
        if let session = idle.popLast() {
            held[thread] = (session, 1)
            condition.unlock()
            return session
        }
        opened += 1
        condition.unlock()
        let session: StoreSession
        do {
            session = try open()
        } catch {
            condition.withLock { opened -= 1 }
            condition.signal()
            throw error
        }
        condition.withLock { held[thread] = (session, 1) }
        return session
    }

    private func give(back session: StoreSession, from thread: pthread_t) {
        condition.lock()
        defer { condition.unlock() }
        guard let entry = held[thread], entry.depth == 1 else {
            if let entry = held[thread] { held[thread] = (entry.session, entry.depth - 1) }
            return
        }
        held[thread] = nil
        if session.isBroken {
            opened -= 1
        } else {
            idle.append(session)
        }
        condition.signal()
    }
}
