import Foundation
import LogicalReplication
import ReplicationStream
import Testing

@Suite("Delivery and confirmation")
struct DeliveryTests {
    @Test("inserts, updates, deletes and truncate arrive in commit order; stop makes them durable and confirms them")
    func commitOrderAndConfirmation() throws {
        let (fixture, consumer, stream) = try StreamFixture.started()
        defer { fixture.stop(stream) }
        try fixture.commitEach([
            "INSERT INTO t VALUES (1, 'a')",
            "INSERT INTO t VALUES (2, 'b')",
            "UPDATE t SET v = 'c' WHERE id = 1",
            "DELETE FROM t WHERE id = 2",
            "TRUNCATE t",
        ])
        #expect(eventually { consumer.transactions.count >= 5 })
        let transactions = consumer.transactions
        try #require(transactions.count == 5)
        #expect(transactions.map { $0.changes.map(\.kind) } == [["insert"], ["insert"], ["update"], ["delete"], ["truncate"]])
        #expect(transactions.map { $0.changes.first?.id } == ["1", "2", "1", "2", nil])
        #expect(zip(transactions, transactions.dropFirst()).allSatisfy { $0.endLSN < $1.endLSN && $0.commitTime <= $1.commitTime })
        let now = PostgresTimestamp(Date())
        #expect(transactions.allSatisfy { abs($0.commitTime.microsecondsSince2000 - now.microsecondsSince2000) < 60_000_000 })

        stream.stop()
        #expect(stream.waitUntilStopped(timeout: .seconds(10)))
        let state = stream.state
        #expect(state.status == .stopped)
        #expect(state.transactionsApplied == 5)
        #expect(state.commitLag.transactions == 5)
        #expect(state.changesApplied == 5)
        #expect(state.lastCommitTime == transactions.last?.commitTime)
        #expect(state.durableLSN >= transactions[4].endLSN)
        #expect(state.confirmedLSN == state.durableLSN)
        #expect(try fixture.confirmedFlush() == state.durableLSN)
        #expect((consumer.madeDurable.last ?? .invalid) >= transactions[4].endLSN)  // made durable before confirmed

        let second = RecordingConsumer()
        let resumed = fixture.stream(second, from: state.durableLSN)
        resumed.start()
        defer { resumed.stop(); resumed.waitUntilStopped(timeout: .seconds(10)) }
        try fixture.cluster.run("INSERT INTO t VALUES (3, 'd')")
        #expect(eventually { !second.transactions.isEmpty })
        #expect(second.transactions.map { $0.changes.map(\.id) } == [["3"]])
        #expect(resumed.state.transactionsSkipped == 0)
    }

    @Test("a non-transactional logical message is delivered at its LSN")
    func logicalMessage() throws {
        let (fixture, consumer, stream) = try StreamFixture.started()
        defer { fixture.stop(stream) }
        try fixture.cluster.run("SELECT pg_logical_emit_message(false, 'recon_close', 'cycle-1')")
        #expect(eventually { !consumer.messages.isEmpty })
        #expect(consumer.messages.map(\.prefix) == ["recon_close"])
        #expect(consumer.messages.first?.content.string == "cycle-1")
    }
}
