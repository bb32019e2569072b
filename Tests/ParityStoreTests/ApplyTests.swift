import Foundation
import GRDB
import ParityModel
@testable import ParityStore
import ParityTestSupport
import Testing

@Suite("Applying captured transactions")
struct ApplyTests {
    let store: ParityStore
    let scratch: ScratchDirectory

    init() throws {
        scratch = try ScratchDirectory("apply")
        store = try ParityStore.open(path: scratch.file("parity.sqlite"))
        try store.recordInitialized(SourceRecord(
            side: .legacy, slot: "parity_legacy", publications: ["parity_legacy"], systemIdentifier: "7300000000000000001",
            database: "legacy", consistentPoint: 100, checkpointLSN: 100, watermark: 5, initializedAt: 1))
        try store.insertBaseline(side: .legacy, mapping: "orders", rows: [
            (key: ["1"], values: ["id": "1", "note": String(repeating: "x", count: 12_000), "amount": "1.50"]),
            (key: ["2"], values: ["id": "2", "note": nil, "amount": "2.00"]),
        ], lsn: 100)
    }

    func change(_ operation: CapturedChange.Operation, _ key: [String?], _ values: [String: CapturedValue] = [:],
                oldKey: [String?]? = nil, table: String = "public.orders", mapping: String? = "orders") -> CapturedChange {
        CapturedChange(table: table, mapping: mapping, operation: operation, key: key, oldKey: oldKey, values: values)
    }

    func transaction(_ end: UInt64, at time: Int64, _ changes: [CapturedChange]) -> CapturedTransaction {
        CapturedTransaction(xid: UInt32(end), commitLSN: end - 8, endLSN: end, commitTime: time, changes: changes)
    }

    @Test("inserts, updates, deletes and key changes give the expected current images")
    func currentImages() throws {
        try store.apply(transaction(200, at: 10, [
            change(.insert, ["3"], ["id": .value("3"), "note": .value("new"), "amount": .value("3.25")]),
            change(.update, ["2"], ["id": .value("2"), "note": .value(""), "amount": .value("2.01")]),
        ]), side: .legacy)
        try store.apply(transaction(300, at: 20, [
            change(.delete, ["1"]),
            change(.update, ["30"], ["id": .value("30"), "note": .value("new"), "amount": .value("3.25")], oldKey: ["3"]),
        ]), side: .legacy)
        let images = try store.currentImages(side: .legacy, mapping: "orders")
        #expect(Set(images.keys) == [ExactText(RowJSON.key(["2"])), ExactText(RowJSON.key(["30"]))])
        #expect(images[ExactText(RowJSON.key(["2"]))]?["note"] == .some(""))
        #expect(images[ExactText(RowJSON.key(["2"]))]?["amount"] == .some("2.01"))
        #expect(images[ExactText(RowJSON.key(["30"]))]?["id"] == .some("30"))
        let record = try store.sourceRecord(side: .legacy)
        #expect(record?.checkpointLSN == 300)
        #expect(record?.lastCommitTime == 20)
        #expect(record?.watermark == 20)
    }

    @Test("an unchanged TOAST column keeps its previous value, never NULL")
    func unchangedToast() throws {
        try store.apply(transaction(200, at: 10, [change(.update, ["1"], ["id": .value("1"), "note": .unchanged, "amount": .value("9.99")])]), side: .legacy)
        try store.apply(transaction(300, at: 11, [change(.update, ["1"], ["id": .value("1"), "note": .unchanged, "amount": .value("1.00")])]), side: .legacy)
        let image = try store.currentImages(side: .legacy, mapping: "orders")[ExactText(RowJSON.key(["1"]))]
        #expect(image?["note"] == .some(String(repeating: "x", count: 12_000)))
        #expect(image?["amount"] == .some("1.00"))
    }

    @Test("a transaction at or below the checkpoint is skipped: nothing applies twice")
    func idempotent() throws {
        let first = transaction(200, at: 10, [change(.insert, ["5"], ["id": .value("5")])])
        #expect(try store.apply(first, side: .legacy) == .applied)
        #expect(try store.apply(first, side: .legacy) == .alreadyApplied)
        #expect(try store.apply(transaction(150, at: 9, [change(.insert, ["6"], ["id": .value("6")])]), side: .legacy) == .alreadyApplied)
        let pending = try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM pending_change") }
        #expect(pending == 1)
    }

    @Test("tables written per transaction are recorded with counts, mapped or not; truncate clears")
    func transactionWrites() throws {
        try store.apply(transaction(200, at: 10, [
            change(.insert, ["7"], ["id": .value("7")]),
            change(.update, ["7"], ["id": .value("7")]),
            change(.insert, ["2026-11-21"], ["day": .value("2026-11-21")], table: "public.daily_totals", mapping: nil),
        ]), side: .legacy)
        try store.apply(transaction(300, at: 11, [change(.truncate, [])]), side: .legacy)
        let rows = try store.read { db in
            try Row.fetchAll(db, sql: "SELECT table_name, inserts, updates, truncates FROM transaction_write ORDER BY commit_lsn, table_name")
        }
        #expect(rows.map { $0["table_name"] as String } == ["public.daily_totals", "public.orders", "public.orders"])
        #expect(rows[1]["inserts"] as Int == 1)
        #expect(rows[1]["updates"] as Int == 1)
        #expect(rows[2]["truncates"] as Int == 1)
        #expect(try store.currentImages(side: .legacy, mapping: "orders").isEmpty)
    }

    @Test("row JSON escapes every character and round-trips")
    func rowJSON() {
        let values: [String: String?] = ["a": "q\"b\\s\n\t\u{1}é✓", "b": nil, "c": ""]
        #expect(RowJSON.decodeImage(RowJSON.image(values)) == values)
        #expect(RowJSON.key(["EU", nil]) == "[\"EU\",null]")
        #expect(RowJSON.decodeKey(RowJSON.key(["EU", nil])) == ["EU", nil])
        #expect(RowJSON.image(["b": "2", "a": "1"]) == "{\"a\":\"1\",\"b\":\"2\"}")
    }
}
