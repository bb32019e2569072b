import ReplicationStream
import Testing

@Suite("Server restart")
struct ServerRestartTests {
    @Test("the stream reconnects after a server restart; nothing is lost or applied twice")
    func reconnectsAfterRestart() throws {
        let (fixture, consumer, stream) = try StreamFixture.started()
        defer { fixture.stop(stream) }
        try fixture.cluster.run("INSERT INTO t VALUES (1, 'before')")
        #expect(eventually { consumer.transactions.count == 1 })

        try fixture.cluster.restart()
        try fixture.commitEach(["INSERT INTO t VALUES (2, 'during')", "INSERT INTO t VALUES (3, 'after')"])
        #expect(eventually { consumer.transactions.count >= 3 })
        #expect(eventually { stream.state.status == .streaming })
        try fixture.cluster.run("INSERT INTO t VALUES (4, 'later')")
        #expect(eventually { consumer.transactions.count >= 4 })
        #expect(consumer.transactions.map { $0.changes.map(\.id) } == [["1"], ["2"], ["3"], ["4"]])
        #expect(stream.state.reconnectCount >= 1)
    }
}
