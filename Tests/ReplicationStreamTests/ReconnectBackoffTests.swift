import ReplicationStream
import Testing

@Suite("Reconnect backoff")
struct ReconnectBackoffTests {
    @Test("delays double from the initial value up to the cap, shortened by at most the jitter")
    func exponentialCappedJittered() {
        let backoff = ReconnectBackoff(initial: .milliseconds(500), maximum: .seconds(30), jitter: 0.2)
        #expect(backoff.delay(attempt: 1, random: 0) == .milliseconds(500))
        #expect(backoff.delay(attempt: 2, random: 0) == .seconds(1))
        #expect(backoff.delay(attempt: 4, random: 0) == .seconds(4))
        #expect(backoff.delay(attempt: 7, random: 0) == .seconds(30))
        #expect(backoff.delay(attempt: 1000, random: 0) == .seconds(30))
        #expect(backoff.delay(attempt: 1, random: 1) == .milliseconds(400))
        #expect(backoff.delay(attempt: 1000, random: 0.5) == .seconds(27))
    }
}
