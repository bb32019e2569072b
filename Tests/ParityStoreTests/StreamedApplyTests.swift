import Foundation
import GRDB
import ParityModel
@testable import ParityStore
import ParityTestSupport
import Testing

@Suite("Staging and committing streamed transactions")
struct StreamedApplyTests {
    let store: ParityStore
    let note = String(repeating: "x", count: 12_000)
    let scratch: ScratchDirectory

    init() throws {
        scratch = try ScratchDirectory("streamed")
        store = try ParityStore.open(path: scratch.file("parity.sqlite"))
        try store.recordInitialized(SourceRecord(
            side: .legacy, slot: "parity_legacy", publications: ["parity_legacy"], systemIdentifier: "7300000000000000001",
            database: "legacy", consistentPoint: 100, checkpointLSN: 100, watermark: 5, initializedAt: 1))
        try store.insertBaseline(side: .legacy, mapping: "orders", rows: [
            (key: ["1"], values: ["id": "1", "note": note, "amount": "1.50"]),
        ], lsn: 100)
    }

    func staged(_ subxid: UInt32, _ operation: CapturedChange.Operation, _ key: [String?], _ values: [String: CapturedValue] = [:],
                table: String = "public.orders", mapping: String? = "orders") -> StagedChange {
        StagedChange(subxid: subxid, change: CapturedChange(table: table, mapping: mapping, operation: operation, key: key, values: values))
    }

    func commit(_ xid: UInt32, end: UInt64, at time: Int64) -> StreamedCommitRecord {
        StreamedCommitRecord(xid: xid, commitLSN: end - 8, endLSN: end, commitTime: time)
    }

    func count(_ sql: String) throws -> Int? {
        try store.read { db in try Int.fetchOne(db, sql: sql) }
    }

    @Test("staged blocks commit in seq order, unchanged columns resolved from earlier blocks and row state")
    func commitInOrder() throws {
        try store.stage([
            staged(500, .insert, ["2"], ["id": .value("2"), "note": .value("long"), "amount": .value("2.00")]),
            staged(500, .update, ["1"], ["id": .value("1"), "note": .unchanged, "amount": .value("1.75")]),
        ], xid: 500, side: .legacy, restart: true)
        try store.stage([
            staged(500, .update, ["2"], ["id": .value("2"), "note": .unchanged, "amount": .value("2.50")]),
            staged(500, .insert, ["9"], ["day": .value("9")], table: "public.daily", mapping: nil),
        ], xid: 500, side: .legacy, restart: false)
        #expect(try count("SELECT count(*) FROM pending_change") == 0)
        #expect(try store.commitStreamed(commit(500, end: 300, at: 30), side: .legacy) == 4)
        let images = try store.currentImages(side: .legacy, mapping: "orders")
        #expect(images[ExactText(RowJSON.key(["1"]))]?["note"] == .some(note))
        #expect(images[ExactText(RowJSON.key(["1"]))]?["amount"] == .some("1.75"))
        #expect(images[ExactText(RowJSON.key(["2"]))]?["note"] == .some("long"))
        #expect(images[ExactText(RowJSON.key(["2"]))]?["amount"] == .some("2.50"))
        #expect(try count("SELECT count(*) FROM streamed_transaction WHERE commit_lsn = 292 AND commit_time = 30") == 1)
        #expect(try count("SELECT count(*) FROM streamed_change WHERE unchanged_columns IS NOT NULL") == 0)
        #expect(try count("SELECT count(*) FROM streamed_write") == 0)
        #expect(try count("SELECT count(*) FROM transaction_write WHERE commit_lsn = 292") == 2)
        #expect(try count("SELECT inserts FROM transaction_write WHERE table_name = 'public.orders'") == 1)
        let record = try store.sourceRecord(side: .legacy)
        #expect(record?.checkpointLSN == 300 && record?.lastCommitTime == 30 && record?.watermark == 30)
    }

    @Test("staging leaves the store's commits unsynced (NORMAL), as every write; only makeDurable syncs")
    func stagingKeepsNormal() throws {
        try store.stage([staged(900, .insert, ["2"], ["id": .value("2")])], xid: 900, side: .legacy, restart: true)
        let synchronous = try store.pool.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") }
        #expect(synchronous == 1)  // NORMAL; FULL (2) would sync the log at every later commit
    }

    @Test("thousands of staged changes all move; the last image wins")
    func manyChanges() throws {
        let total = 2_007
        try store.stage((0..<total).map { staged(500, .update, ["1"], ["id": .value("1"), "amount": .value("\($0)")]) },
                        xid: 500, side: .legacy, restart: true)
        #expect(try store.commitStreamed(commit(500, end: 300, at: 30), side: .legacy) == total)
        #expect(try store.currentImages(side: .legacy, mapping: "orders")[ExactText(RowJSON.key(["1"]))]?["amount"] == .some("\(total - 1)"))
    }

    @Test("unchanged columns resolve against the image just before each change, not a later one")
    func unchangedResolvesInPosition() throws {
        try store.stage([
            staged(500, .insert, ["7"], ["id": .value("7"), "note": .value("first"), "amount": .value("1")]),
            staged(500, .update, ["7"], ["id": .value("7"), "note": .unchanged, "amount": .value("2")]),
            staged(500, .update, ["7"], ["id": .value("7"), "note": .value("second"), "amount": .value("3")]),
            staged(500, .update, ["7"], ["id": .value("7"), "note": .unchanged, "amount": .value("4")]),
        ], xid: 500, side: .legacy, restart: true)
        #expect(try store.commitStreamed(commit(500, end: 300, at: 30), side: .legacy) == 4)
        let notes = try store.read { db in
            try String.fetchAll(db, sql: "SELECT row_values FROM streamed_change WHERE row_key = '[\"7\"]' ORDER BY seq")
                .map { try store.layouts.decode($0, key: "[\"7\"]", db)["note"] }
        }
        #expect(notes == [.some("first"), .some("first"), .some("second"), .some("second")])
    }

    @Test("a rolled-back subtransaction drops its changes and every later one; a whole rollback drops all")
    func abortSubtransaction() throws {
        try store.stage([
            staged(500, .insert, ["2"], ["id": .value("2")]),
            staged(501, .insert, ["3"], ["id": .value("3")]),
            staged(502, .insert, ["4"], ["id": .value("4")]),
        ], xid: 500, side: .legacy, restart: true)
        try store.abortStreamed(xid: 500, subxid: 501, side: .legacy)
        try store.abortStreamed(xid: 500, subxid: 999, side: .legacy)
        try store.stage([staged(503, .insert, ["5"], ["id": .value("5")])], xid: 500, side: .legacy, restart: false)
        try store.stage([staged(600, .insert, ["6"], ["id": .value("6")])], xid: 600, side: .legacy, restart: true)
        try store.abortStreamed(xid: 600, subxid: 600, side: .legacy)
        #expect(try store.commitStreamed(commit(500, end: 300, at: 30), side: .legacy) == 2)
        #expect(Set(try store.currentImages(side: .legacy, mapping: "orders").keys) == Set(["1", "2", "5"].map { ExactText(RowJSON.key([$0])) }))
        #expect(try count("SELECT count(*) FROM streamed_transaction WHERE commit_lsn IS NULL") == 0)
        #expect(try count("SELECT inserts FROM transaction_write WHERE table_name = 'public.orders'") == 2)
    }

    @Test("a streamed commit at or below the checkpoint is not applied again; its staged changes are dropped")
    func skipIfApplied() throws {
        try store.apply(CapturedTransaction(xid: 1, commitLSN: 392, endLSN: 400, commitTime: 40, changes: []), side: .legacy)
        try store.stage([staged(500, .insert, ["2"], ["id": .value("2")])], xid: 500, side: .legacy, restart: true)
        #expect(try store.commitStreamed(commit(500, end: 400, at: 40), side: .legacy) == nil)
        #expect(try count("SELECT count(*) FROM pending_change") == 0)
        #expect(try count("SELECT count(*) FROM streamed_change") == 0)
        #expect(try store.sourceRecord(side: .legacy)?.checkpointLSN == 400)
    }

    @Test("restarting a transaction or a side drops what was staged before")
    func restartAndClear() throws {
        try store.stage([staged(500, .insert, ["2"], ["id": .value("2")])], xid: 500, side: .legacy, restart: true)
        try store.stage([staged(500, .insert, ["3"], ["id": .value("3")])], xid: 500, side: .legacy, restart: true)
        try store.stage([staged(600, .insert, ["4"], ["id": .value("4")])], xid: 600, side: .legacy, restart: true)
        #expect(try count("SELECT count(*) FROM streamed_change JOIN streamed_transaction USING (stream) WHERE xid = 500") == 1)
        try store.clearStaged(side: .legacy)
        #expect(try count("SELECT count(*) FROM streamed_change") == 0)
        #expect(try count("SELECT count(*) FROM streamed_transaction") == 0)
        #expect(try count("SELECT count(*) FROM streamed_write") == 0)
    }

    @Test("a committed streamed transaction stays staged; clearing the side keeps it; a replay of it is dropped at its commit")
    func committedSurvivesRestart() throws {
        try store.stage([staged(500, .insert, ["2"], ["id": .value("2"), "note": .value("kept")])], xid: 500, side: .legacy, restart: true)
        #expect(try store.commitStreamed(commit(500, end: 300, at: 30), side: .legacy) == 1)
        // Crash before the confirm: the server streams xid 500 again, from its start, after the restart.
        try store.clearStaged(side: .legacy)
        try store.stage([staged(500, .insert, ["2"], ["id": .value("2"), "note": .value("replayed")])], xid: 500, side: .legacy, restart: true)
        #expect(try store.commitStreamed(commit(500, end: 300, at: 30), side: .legacy) == nil)
        #expect(try count("SELECT count(*) FROM streamed_transaction") == 1)
        #expect(try count("SELECT count(*) FROM streamed_change") == 1)
        #expect(try store.currentImages(side: .legacy, mapping: "orders")[ExactText(RowJSON.key(["2"]))]?["note"] == .some("kept"))
    }

    @Test("a later transaction fills its unchanged columns from a committed streamed transaction's image")
    func unchangedFromCommittedStream() throws {
        try store.stage([
            staged(500, .update, ["1"], ["id": .value("1"), "note": .value("streamed note"), "amount": .value("2.00")]),
        ], xid: 500, side: .legacy, restart: true)
        try store.commitStreamed(commit(500, end: 300, at: 30), side: .legacy)
        try store.apply(CapturedTransaction(xid: 501, commitLSN: 392, endLSN: 400, commitTime: 40, changes: [
            CapturedChange(table: "public.orders", mapping: "orders", operation: .update, key: ["1"],
                           values: ["id": .value("1"), "note": .unchanged, "amount": .value("3.00")]),
        ]), side: .legacy)
        let image = try store.currentImages(side: .legacy, mapping: "orders")[ExactText(RowJSON.key(["1"]))]
        #expect(image?["note"] == .some("streamed note"))
        #expect(image?["amount"] == .some("3.00"))
    }
}
