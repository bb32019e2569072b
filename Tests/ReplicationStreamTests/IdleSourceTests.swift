import Foundation
import ReplicationStream
import Testing

@Suite("Idle source")
struct IdleSourceTests {
    @Test("writes to an unpublished table advance the confirmed position through keepalives")
    func keepaliveAdvancesConfirmation() throws {
        let (fixture, consumer, stream) = try StreamFixture.started()
        defer { fixture.stop(stream) }
        #expect(eventually { stream.state.status == .streaming })
        try fixture.cluster.run("INSERT INTO u VALUES (1)")
        let written = try fixture.currentWAL()
        #expect(try eventually { try fixture.confirmedFlush() >= written })
        #expect(consumer.idleWalEnds.contains { $0 >= written })
        #expect(consumer.transactions.isEmpty)
        #expect(stream.state.durableLSN >= written)
    }

    @Test("a source that writes no WAL at all still answers with its clock: the idle position is recorded again and again")
    func fullyIdleSourceAnswers() throws {
        let (fixture, consumer, stream) = try StreamFixture.started()
        defer { fixture.stop(stream) }
        #expect(eventually { stream.state.status == .streaming })
        usleep(1_000_000)  // the keepalives of the stream's start have arrived
        let before = consumer.idleServerTimes.count
        // Nothing is written: only a keepalive the stream asked for can bring the server's time. The server would send one
        // of its own only after wal_sender_timeout / 2 (30 s) without hearing from the stream, which answers every 300 ms.
        #expect(eventually(seconds: 20) { consumer.idleServerTimes.count >= before + 3 })
        let times = consumer.idleServerTimes
        #expect(times.count > before + 1 && times[times.count - 1].unixMicroseconds > times[before].unixMicroseconds,
                "the server's clock moves on")
    }
}
