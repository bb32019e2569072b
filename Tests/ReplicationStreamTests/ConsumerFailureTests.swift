import LogicalReplication
import ReplicationStream
import Testing

@Suite("Consumer failure")
struct ConsumerFailureTests {
    @Test("a consumer error stops the stream, nothing of the refused batch is confirmed, a new stream redelivers it")
    func failureStopsAndRedelivers() throws {
        let fixture = try StreamFixture()
        defer { fixture.cluster.stop() }
        let before = try fixture.confirmedFlush()
        try fixture.commitEach((1...4).map { "INSERT INTO t VALUES (\($0), 'x')" })

        // The batch holding the third transaction is refused whole; an earlier batch may have been accepted.
        let failing = RecordingConsumer(failOnTransaction: 3)
        let stream = fixture.stream(failing)
        stream.start()
        #expect(stream.waitUntilStopped(timeout: .seconds(20)))
        #expect(stream.failure is RecordingConsumer.Refused)
        #expect(stream.state.status == .failed("refused transaction #3"))
        let accepted = failing.transactions
        #expect(accepted.count < 3)
        #expect(try fixture.confirmedFlush() == accepted.last?.endLSN ?? before)

        let retry = RecordingConsumer()
        let resumed = fixture.stream(retry)
        resumed.start()
        defer { resumed.stop(); resumed.waitUntilStopped(timeout: .seconds(10)) }
        let rest: [[String?]] = (accepted.count + 1...4).map { [String($0)] }
        #expect(eventually { retry.transactions.count >= rest.count })
        #expect(retry.transactions.map { $0.changes.map(\.id) } == rest)
    }
}
