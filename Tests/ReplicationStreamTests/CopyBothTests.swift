import Foundation
import LogicalReplication
import PostgresClient
import Testing

@Suite("COPY BOTH primitives")
struct CopyBothTests {
    @Test("START_REPLICATION enters COPY BOTH; reads time out without spinning; status updates are answered; the copy ends")
    func copyBothRoundTrip() throws {
        let fixture = try StreamFixture()
        defer { fixture.cluster.stop() }
        let connection = try PostgresConnection.connect(
            ConnectionOptions(dsn: fixture.cluster.dsn(), statementTimeout: nil, replication: .database)
        )
        defer { connection.close() }
        try connection.startCopyBoth("START_REPLICATION SLOT s LOGICAL 0/0 (proto_version '1', publication_names 'p')")

        let cpuBefore = threadCPUSeconds()
        let started = ContinuousClock.now
        while case .data = try connection.readCopyData(timeout: .milliseconds(300)) {}
        let waited = ContinuousClock.now - started
        #expect(waited >= .milliseconds(300))
        #expect(threadCPUSeconds() - cpuBefore < 0.1, "a timed-out read must sleep in poll, not spin")

        let probe = StandbyStatusUpdate(write: .invalid, flush: .invalid, apply: .invalid, clientTime: PostgresTimestamp(Date()), replyRequested: true)
        try connection.sendCopyData(probe.encoded())
        var keepalive: PrimaryKeepalive?
        let deadline = ContinuousClock.now + .seconds(10)
        while keepalive == nil && ContinuousClock.now < deadline {
            if case .data(let payload) = try connection.readCopyData(timeout: .seconds(1)),
               case .primaryKeepalive(let received) = try ReplicationMessage.decode(from: payload) {
                keepalive = received
            }
        }
        #expect(keepalive?.walEnd.isValid == true)
        try connection.endCopy(timeout: .seconds(5))
        #expect(try connection.query("SELECT 1 AS one").singleRow()["one"] == "1")
    }

    @Test("a command that does not enter COPY BOTH fails with the server's SQLSTATE")
    func missingSlot() throws {
        let fixture = try StreamFixture()
        defer { fixture.cluster.stop() }
        let connection = try PostgresConnection.connect(ConnectionOptions(dsn: fixture.cluster.dsn(), replication: .database))
        defer { connection.close() }
        let error = #expect(throws: PostgresError.self) {
            try connection.startCopyBoth("START_REPLICATION SLOT nope LOGICAL 0/0 (proto_version '1', publication_names 'p')")
        }
        #expect(error?.sqlState == "42704")
        let notCopy = #expect(throws: PostgresError.self) { try connection.startCopyBoth("IDENTIFY_SYSTEM") }
        #expect(notCopy?.code == .unexpectedResult)
    }
}

/// CPU time used by the calling thread, in seconds.
private func threadCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}
