import ReplicationStream
import Testing

@Suite("Streamed transactions")
struct StreamedTransactionTests {
    @Test("a transaction larger than logical_decoding_work_mem is streamed and arrives once, complete")
    func largeTransactionArrivesOnce() throws {
        let fixture = try StreamFixture(settings: ["logical_decoding_work_mem": "'64kB'"])
        defer { fixture.cluster.stop() }
        let consumer = RecordingConsumer()
        let stream = fixture.stream(consumer)
        stream.start()
        defer { stream.stop(); stream.waitUntilStopped(timeout: .seconds(10)) }
        try fixture.cluster.run("INSERT INTO t SELECT g, repeat('x', 200) FROM generate_series(1, 5000) g")
        try fixture.cluster.run("INSERT INTO t VALUES (0, 'after')")
        #expect(eventually { consumer.transactions.count >= 2 })
        let transactions = consumer.transactions
        try #require(transactions.count == 2)
        #expect(transactions[0].wasStreamed)
        #expect(transactions[0].changes.count == 5000)
        #expect(Set(transactions[0].changes.compactMap(\.id)) == Set((1...5000).map(String.init)))
        #expect(transactions[1].changes.map(\.id) == ["0"])
        #expect(stream.state.changesApplied == 5001)
    }
}
