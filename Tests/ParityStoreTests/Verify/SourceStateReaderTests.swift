import Foundation
@testable import ParityStore
import ParityTestSupport
import Testing

/// What `parity verify --sources` reads of the store as of a source position: the closed state and the captured changes
/// before the position, each in key order, with deleted keys (old keys of key changes too) and truncates.
@Suite("The store's state of a source as of a position")
struct SourceStateReaderTests {
    let store: ParityStore
    let scratch: ScratchDirectory

    init() throws {
        scratch = try ScratchDirectory("source-state")
        store = try ParityStore.open(path: scratch.file("parity.sqlite"))
        try store.recordInitialized(SourceRecord(
            side: .legacy, slot: "parity_legacy", publications: ["parity_legacy"], systemIdentifier: "7300000000000000001",
            database: "legacy", consistentPoint: 100, checkpointLSN: 100, watermark: 5, initializedAt: 1))
        try store.insertBaseline(side: .legacy, mapping: "orders", rows: [
            (key: ["1"], values: ["id": "1", "note": "a"]), (key: ["2"], values: ["id": "2", "note": "b"]),
            (key: ["3"], values: ["id": "3", "note": "c"]),
        ], lsn: 100)
        // Commit LSNs 192, 292 (ordinary) and 392 (streamed).
        try store.apply(transaction(200, [
            change(.update, ["2"], ["id": .value("2"), "note": .value("b'")]), change(.insert, ["4"], ["id": .value("4"), "note": .value("d")]),
        ]), side: .legacy)
        try store.apply(transaction(300, [
            change(.delete, ["1"]), change(.update, ["30"], ["id": .value("30"), "note": .value("c")], oldKey: ["3"]),
        ]), side: .legacy)
        try store.stage([
            StagedChange(subxid: 500, change: change(.update, ["2"], ["id": .value("2"), "note": .value("b''")])),
            StagedChange(subxid: 500, change: change(.insert, ["5"], ["id": .value("5"), "note": .value(nil)])),
        ], xid: 500, side: .legacy, restart: true)
        try store.commitStreamed(StreamedCommitRecord(xid: 500, commitLSN: 392, endLSN: 400, commitTime: 40), side: .legacy)
    }

    func change(_ operation: CapturedChange.Operation, _ key: [String?], _ values: [String: CapturedValue] = [:],
                oldKey: [String?]? = nil) -> CapturedChange {
        CapturedChange(table: "public.orders", mapping: "orders", operation: operation, key: key, oldKey: oldKey, values: values)
    }

    func transaction(_ end: UInt64, _ changes: [CapturedChange]) -> CapturedTransaction {
        CapturedTransaction(xid: UInt32(end), commitLSN: end - 8, endLSN: end, commitTime: Int64(end / 10), changes: changes)
    }

    /// The reader's streams as text: `key note@lsn` for state rows (then `delta key note@lsn`), `key note` (`-` for a
    /// deleted key) for changes.
    func read(asOf lsn: Int64) throws -> (truncated: Bool, closed: [String], changes: [String]) {
        try store.withSourceState(side: .legacy, mapping: "orders", asOf: lsn) { reader in
            func note(_ image: String?, _ columns: [String]) -> String {
                image.map { (try? StoredImageForm.decode($0, columns: columns, key: "[\"1\"]"))?["note"].map { $0 ?? "NULL" } ?? "?" } ?? "-"
            }
            var closed: [String] = []
            while let row = try reader.nextStateRow() { closed.append("\(row.key) \(note(row.image, row.columns))@\(row.lsn)") }
            while let row = try reader.nextDeltaRow() { closed.append("delta \(row.key) \(note(row.image, row.columns))@\(row.lsn)") }
            var changes: [String] = []
            while let change = try reader.nextChange() { changes.append("\(change.key) \(note(change.image, change.columns))") }
            return (reader.truncated, closed, changes)
        }
    }

    @Test("only changes committed before the position, in key order then commit order; old keys deleted")
    func changesBeforeThePosition() throws {
        let early = try read(asOf: 250)
        #expect(!early.truncated)
        #expect(early.closed == [#"["1"] a@100"#, #"["2"] b@100"#, #"["3"] c@100"#])
        #expect(early.changes == [#"["2"] b'"#, #"["4"] d"#])
        let late = try read(asOf: 1_000)
        #expect(late.changes == [#"["1"] -"#, #"["2"] b'"#, #"["2"] b''"#, #"["3"] -"#, #"["30"] c"#, #"["4"] d"#, #"["5"] NULL"#])
        #expect(try read(asOf: 192).changes.isEmpty, "a transaction committing at the position is not in it")
    }

    @Test("a close folds changes into the delta, with their positions; the reader gives both levels")
    func delta() throws {
        _ = try store.closeCycle(id: 1, foldBefore: 25, merge: DeltaMergePolicy(minimumRows: 1_000, stateRowsPerDeltaRow: 4)) { _ in
            CycleClose(cycle: CycleRecord(id: 1, label: "c1", start: 0, end: 25, status: .closed, closedAt: 1, keysCompared: 0,
                                          unexplainedRate: "0"), tables: [], findings: [], carried: [])
        }
        let read = try read(asOf: 250)
        #expect(read.closed == [
            #"["1"] a@100"#, #"["2"] b@100"#, #"["3"] c@100"#, #"delta ["2"] b'@192"#, #"delta ["4"] d@192"#,
        ])
        #expect(read.changes.isEmpty, "the folded transaction is no longer a pending change")
        #expect(try self.read(asOf: 1_000).changes.count == 5)
    }

    @Test("after a truncate before the position, only what follows it")
    func truncate() throws {
        try store.apply(transaction(500, [change(.truncate, [])]), side: .legacy)
        try store.apply(transaction(600, [change(.insert, ["6"], ["id": .value("6"), "note": .value("f")])]), side: .legacy)
        let before = try read(asOf: 450)
        #expect(!before.truncated && before.closed.count == 3)
        let between = try read(asOf: 550)
        #expect(between.truncated && between.closed.isEmpty && between.changes.isEmpty)
        let after = try read(asOf: 1_000)
        #expect(after.truncated && after.closed.isEmpty && after.changes == [#"["6"] f"#])
    }

    @Test("an image written in the stored form has the stored text; columns the store never held get a form no image has")
    func imageForm() throws {
        func written(_ form: StoredImageForm, _ values: [String?]) -> String {
            var writer = RowJSONWriter.array()
            form.startImage(in: &writer)
            for value in values {
                if let value { writer.string(Array(value.utf8)[...]) } else { writer.null() }
            }
            var text: [UInt8] = []
            writer.take(appendingTo: &text)
            return String(decoding: text, as: UTF8.self)
        }
        let form = try store.imageForm(columns: ["id", "note"])
        let stored = try store.withSourceState(side: .legacy, mapping: "orders", asOf: 150) { try $0.nextStateRow()?.image }
        #expect(written(form, ["1", "a"]) == stored)
        let unknown = try store.imageForm(columns: ["id", "other"])
        #expect(written(unknown, ["1", "a"]).hasPrefix("[0,"))
        #expect(try StoredImageForm.decode(written(unknown, ["1", nil]), columns: unknown.columns, key: "[\"1\"]") == ["id": "1", "other": nil])
    }
}
