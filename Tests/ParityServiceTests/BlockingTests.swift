import Dispatch
import Foundation
import Synchronization
import Testing

@testable import ParityService

@Suite("Blocking calls")
struct BlockingTests {
    /// Linux's global dispatch queues add about one thread a second while theirs are blocked: calls sharing them took
    /// five minutes to all start here, where threads of their own start in a fraction of a second.
    static let blockers = 300

    @Test("every blocking call runs at once, however many others are blocked")
    func callsRunTogether() async throws {
        let release = DispatchSemaphore(value: 0)
        let running = Running()
        let blocked = (0..<Self.blockers).map { _ in
            Task {
                await Blocking.run {
                    running.count.withLock { $0 += 1 }
                    // The bound only keeps a failing run from hanging.
                    _ = release.wait(timeout: .now() + 300)
                }
            }
        }
        let deadline = Date().addingTimeInterval(60)
        while running.count.withLock({ $0 }) < Self.blockers && Date() < deadline { try await Task.sleep(for: .milliseconds(50)) }
        let together = running.count.withLock { $0 }
        let answer = await Blocking.run { 42 }
        for _ in 0..<Self.blockers { release.signal() }
        for task in blocked { await task.value }
        #expect(together == Self.blockers, "only \(together) of \(Self.blockers) blocking calls ran at once")
        #expect(answer == 42)
    }

    @Test("a thrown error reaches the caller with its type")
    func throwsTyped() async {
        struct Refused: Error, Equatable {}
        await #expect(throws: Refused()) {
            try await Blocking.run { () throws(Refused) -> Int in throw Refused() }
        }
    }
}

/// How many blocking calls have started.
private final class Running: Sendable {
    let count = Mutex(0)
}
