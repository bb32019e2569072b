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
}
