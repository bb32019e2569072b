import ReplicationStream
import Testing

@Suite("Streamed transactions")
struct StreamedTransactionTests {
    @Test("a transaction larger than logical_decoding_work_mem is streamed and arrives once, complete")
    func largeTransactionArrivesOnce() throws {
        let (fixture, consumer, stream) = try StreamFixture.started(settings: ["logical_decoding_work_mem": "'64kB'"])
        defer { fixture.stop(stream) }
        try fixture.cluster.run("INSERT INTO t SELECT g, repeat('x', 200) FROM generate_series(1, 5000) g")
        try fixture.cluster.run("INSERT INTO t VALUES (0, 'after')")
        #expect(eventually { consumer.transactions.count >= 2 })
        let transactions = consumer.transactions
        try #require(transactions.count == 2)
        #expect(transactions[0].wasStreamed)
        // Staged block by block, nothing left staged once committed.
        #expect(consumer.stageCount > 1)
        #expect(consumer.stagedXIDs.isEmpty)
        #expect(transactions[0].changes.count == 5000)
        #expect(Set(transactions[0].changes.compactMap(\.id)) == Set((1...5000).map(String.init)))
        #expect(transactions[1].changes.map(\.id) == ["0"])
        #expect(stream.state.changesApplied == 5001)
        #expect(stream.state.commitLag.transactions == 2)  // the streamed commit counts once
    }

    @Test("a rolled-back streamed transaction and a rolled-back savepoint leave nothing of what they rolled back")
    func rolledBackStreamedWork() throws {
        let (fixture, consumer, stream) = try StreamFixture.started(settings: ["logical_decoding_work_mem": "'64kB'"])
        defer { fixture.stop(stream) }
        try fixture.cluster.run("BEGIN; INSERT INTO t SELECT g, repeat('x', 200) FROM generate_series(1, 3000) g; ROLLBACK")
        try fixture.cluster.run("""
            BEGIN;
            INSERT INTO t SELECT g, repeat('y', 200) FROM generate_series(10001, 12000) g;
            SAVEPOINT s;
            INSERT INTO t SELECT g, repeat('z', 200) FROM generate_series(20001, 22000) g;
            ROLLBACK TO SAVEPOINT s;
            INSERT INTO t VALUES (30000, 'kept');
            COMMIT;
            """)
        #expect(eventually { consumer.transactions.count >= 1 })
        let transactions = consumer.transactions
        try #require(transactions.count == 1)
        #expect(transactions[0].wasStreamed)
        #expect(transactions[0].changes.compactMap(\.id) == (10001...12000).map(String.init) + ["30000"])
        #expect(eventually { consumer.stagedXIDs.isEmpty })
    }
}
