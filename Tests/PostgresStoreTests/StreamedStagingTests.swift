import ParityModel
import ParityStore
import PostgresClient
@testable import PostgresStore
import Testing

/// Staged changes of streamed transactions have no foreign key to their stream (migration 010): whatever drops a stream
/// drops its changes, and the keys a commit indexed go with it.
@Suite("PostgreSQL store: streamed staging")
struct StreamedStagingTests {
    /// A change of `orders` row `id` that leaves its note unchanged.
    static func update(_ id: String, _ amount: String, xid: UInt32) -> StagedChange {
        StagedChange(subxid: xid, change: CapturedChange(
            table: "public.orders", mapping: "orders", operation: .update, key: [id], oldKey: nil,
            values: ["id": .value(id), "amount": .value(amount), "note": .unchanged]))
    }

    @Test("restart, abort, clear, commit and a discarded source leave no staged change or indexed key behind")
    func nothingLeftBehind() throws {
        let test = try TestStore()
        try test.initialize(["1": "1.00", "2": "2.00"])
        let store = test.store
        let connection = try test.database.connect()
        defer { connection.close() }
        let count = { (sql: String) throws -> Int in
            try connection.query(PostgresQuery(unsafeSQL: "SELECT count(*) AS n FROM \(sql)")).singleRow().decode(Int.self, "n")
        }
        let orphans = { () throws -> Int in
            try count("streamed_change AS c WHERE NOT EXISTS (SELECT 1 FROM streamed_transaction AS t WHERE t.stream = c.stream)")
        }

        try store.stage([Self.update("1", "1.10", xid: 7)], xid: 7, side: .legacy, restart: true)
        try store.stage([Self.update("1", "1.20", xid: 7)], xid: 7, side: .legacy, restart: true)
        #expect(try count("streamed_change") == 1 && orphans() == 0, "a restart drops what was staged before it")
        try store.abortStreamed(xid: 7, subxid: 7, side: .legacy)
        #expect(try count("streamed_change") == 0 && count("streamed_transaction") == 0, "an abort drops the stream and its changes")

        try store.stage([Self.update("1", "1.30", xid: 8)], xid: 8, side: .legacy, restart: true)
        try store.clearStaged(side: .legacy)
        #expect(try count("streamed_change") == 0 && count("streamed_transaction") == 0, "streaming again drops every stream of the side")

        try store.stage([Self.update("1", "1.40", xid: 9), Self.update("2", "2.40", xid: 9)], xid: 9, side: .legacy, restart: true)
        #expect(try store.commitStreamed(StreamedCommitRecord(xid: 9, commitLSN: 192, endLSN: 200, commitTime: 11), side: .legacy) == 2)
        #expect(try count("streamed_change") == 0 && count("staged_key") == 0, "a commit drops its changes and the keys it indexed")
        #expect(try store.currentImages(side: .legacy, mapping: "orders")[ExactText(TestStore.key("2"))]?["note"] == .some("n2"))

        try store.stage([Self.update("1", "1.50", xid: 10)], xid: 10, side: .legacy, restart: true)
        try store.discardSource(side: .legacy)
        #expect(try count("streamed_change") == 0 && count("streamed_transaction") == 0, "a discarded source takes its streams along")
    }
}
