import LogicalReplication
import PostgresClient
import ReplicationStream
import Testing

@Suite("Stream failures")
struct StreamFailureTests {
    @Test("a missing slot fails the stream at once instead of retrying")
    func missingSlotIsFatal() throws {
        let fixture = try StreamFixture()
        defer { fixture.cluster.stop() }
        let configuration = ReplicationStreamConfiguration(
            connection: ConnectionOptions(dsn: fixture.cluster.dsn()), slot: "missing", publications: ["p"], startLSN: .invalid
        )
        let stream = ReplicationStream(configuration: configuration, consumer: RecordingConsumer())
        stream.start()
        #expect(stream.waitUntilStopped(timeout: .seconds(10)))
        #expect((stream.failure as? PostgresError)?.sqlState == "42704")
        #expect(stream.state.reconnectCount == 0)
    }

    @Test("an unreachable server fails the stream once the reconnect attempts run out")
    func reconnectAttemptsRunOut() throws {
        let fixture = try StreamFixture()
        let dsn = fixture.cluster.dsn()
        fixture.cluster.stop()
        let configuration = ReplicationStreamConfiguration(
            connection: ConnectionOptions(dsn: dsn), slot: "s", publications: ["p"], startLSN: .invalid,
            backoff: ReconnectBackoff(initial: .milliseconds(20), maximum: .milliseconds(50)), maxReconnectAttempts: 2
        )
        let stream = ReplicationStream(configuration: configuration, consumer: RecordingConsumer())
        stream.start()
        #expect(stream.waitUntilStopped(timeout: .seconds(20)))
        #expect((stream.failure as? PostgresError)?.code == .connectionFailed)
        #expect(stream.state.reconnectCount == 2)
        guard case .failed = stream.state.status else {
            Issue.record("expected a failed stream, got \(stream.state.status)")
            return
        }
    }
}
