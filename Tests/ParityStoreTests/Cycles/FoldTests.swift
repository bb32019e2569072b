import Foundation
import GRDB
@testable import ParityStore
import ParityModel
import ParityTestSupport
import Testing

@Suite("Closing a cycle folds pending changes")
struct FoldTests {
    let store: ParityStore
    let scratch: ScratchDirectory

    init() throws {
        scratch = try ScratchDirectory("fold")
        store = try ParityStore.open(path: scratch.file("parity.sqlite"))
        try store.recordInitialized(SourceRecord(
            side: .legacy, slot: "parity_legacy", publications: ["parity_legacy"], systemIdentifier: "7300000000000000001",
            database: "legacy", consistentPoint: 100, checkpointLSN: 100, watermark: 5, initializedAt: 1))
        try store.insertBaseline(side: .legacy, mapping: "orders", rows: [
            (key: ["1"], values: ["id": "1", "amount": "1.50"]),
            (key: ["2"], values: ["id": "2", "amount": "2.00"]),
        ], lsn: 100)
        try store.insertBaseline(side: .legacy, mapping: "lines", rows: [(key: ["1", "1"], values: ["qty": "1"])], lsn: 100)
    }

    func change(_ operation: CapturedChange.Operation, _ key: [String?], _ values: [String: CapturedValue] = [:],
                oldKey: [String?]? = nil, mapping: String = "orders") -> CapturedChange {
        CapturedChange(table: "public.\(mapping)", mapping: mapping, operation: operation, key: key, oldKey: oldKey, values: values)
    }

    func apply(_ end: UInt64, at time: Int64, _ changes: [CapturedChange]) throws {
        try store.apply(CapturedTransaction(xid: UInt32(end), commitLSN: end - 8, endLSN: end, commitTime: time, changes: changes),
                        side: .legacy)
    }

    func close(
        _ id: Int64, before end: Int64?, merge: DeltaMergePolicy = .standard, _ inspect: (CycleStateReader) throws -> Void = { _ in }
    ) throws -> CycleRecord? {
        try store.closeCycle(id: id, foldBefore: end, merge: merge) { reader in
            try inspect(reader)
            return CycleClose(
                cycle: CycleRecord(id: id, label: "c\(id)", start: 0, end: end ?? 0, status: .closed, closedAt: 1, keysCompared: 2,
                                   unexplainedRate: "0.500000"),
                tables: [CycleTableRecord(mapping: "orders", compared: 2, matched: 1, findingsByKind: ["value_mismatch": 1])],
                findings: [Finding(mapping: "orders", key: ["id": "2"], column: "amount", newColumn: "amount",
                                         kind: .valueMismatch, legacy: "2.01", new: nil, disposition: .match, ruleNote: "n")],
                carried: [CarriedKey(mapping: "orders", canonicalKey: "[\"3\"]")])
        }
    }

    /// Row state as of the last closed cycle: key → image as a JSON object (`RowJSON.image`).
    func state(_ mapping: String = "orders") throws -> [String: String] {
        try store.read { db in
            try Dictionary(uniqueKeysWithValues: Row.fetchAll(
                db, sql: RowDelta.closedRows, arguments: ["side": "legacy", "mapping": mapping]
            ).map { ($0["row_key"] as String, RowJSON.image(try store.layouts.decode($0["row_values"], key: $0["row_key"], db))) })
        }
    }

    func pendingCount() throws -> Int {
        try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM pending_change") ?? 0 }
    }

    @Test("each changed key carries what its cycle did to it: the changes of one cycle add up, the next cycle starts afresh")
    func changeEvents() throws {
        func events(_ reader: CycleStateReader) throws -> [String: ChangeEvents] {
            var events: [String: ChangeEvents] = [:]
            let rows = try reader.rows(side: .legacy, mapping: "orders", changedOnly: true)
            while let row = try rows.next() { events[row.key] = row.events }
            return events
        }
        try apply(200, at: 10, [
            change(.insert, ["3"], ["id": .value("3"), "amount": .value("3.25")]),
            change(.update, ["3"], ["id": .value("3"), "amount": .value("3.50")]),
            change(.update, ["10"], ["id": .value("10"), "amount": .value("1.50")], oldKey: ["1"]),
        ])
        try apply(300, at: 20, [change(.delete, ["2"])])
        var first: [String: ChangeEvents] = [:]
        _ = try close(1, before: 30) { first = try events($0) }
        #expect(first == ["[\"1\"]": .update, "[\"10\"]": .update, "[\"2\"]": .delete, "[\"3\"]": [.insert, .update]])

        try apply(400, at: 40, [change(.update, ["3"], ["id": .value("3"), "amount": .value("3.75")])])
        var second: [String: ChangeEvents] = [:]
        var everyRow: [String: ChangeEvents?] = [:]
        _ = try close(2, before: 50) { reader in
            second = try events(reader)
            let rows = try reader.rows(side: .legacy, mapping: "orders", changedOnly: false)
            while let row = try rows.next() { everyRow[row.key] = row.events }
        }
        #expect(second == ["[\"3\"]": .update])
        #expect(everyRow == ["[\"10\"]": nil, "[\"3\"]": .update])
    }

    @Test("changes before the end fold in commit order; later ones stay pending; the reader sees the state as of the end")
    func foldsBeforeEnd() throws {
        try apply(200, at: 10, [
            change(.insert, ["3"], ["id": .value("3"), "amount": .value("3.25")]),
            change(.update, ["2"], ["id": .value("2"), "amount": .value("2.01")]),
            change(.update, ["10"], ["id": .value("10"), "amount": .value("1.50")], oldKey: ["1"]),
        ])
        try apply(300, at: 20, [change(.delete, ["3"])])
        try apply(400, at: 30, [change(.update, ["2"], ["id": .value("2"), "amount": .value("9.99")])])
        var changed: [ExactText: Int64] = [:]
        var keys: [String] = []
        var image: [String: String?]?
        let record = try close(1, before: 30) { reader in
            changed = try reader.changedKeys(side: .legacy, mapping: "orders")
            keys = try reader.keys(side: .legacy, mapping: "orders")
            image = try reader.image(side: .legacy, mapping: "orders", rowKey: "[\"2\"]")
        }
        #expect(record?.id == 1)
        #expect(changed == ["[\"1\"]": 10, "[\"2\"]": 10, "[\"3\"]": 20, "[\"10\"]": 10])
        #expect(keys == ["[\"10\"]", "[\"2\"]"])
        #expect(image == ["id": "2", "amount": "2.01"])
        #expect(try state() == ["[\"2\"]": #"{"amount":"2.01","id":"2"}"#, "[\"10\"]": #"{"amount":"1.50","id":"10"}"#])
        #expect(try pendingCount() == 1)
    }

    @Test("a truncate clears the mapping's rows, marks them changed, and later inserts survive")
    func truncate() throws {
        try apply(200, at: 10, [change(.truncate, [], mapping: "lines"), change(.insert, ["5", "1"], ["qty": .value("7")], mapping: "lines")])
        var changed: [ExactText: Int64] = [:]
        _ = try close(1, before: 11) { reader in changed = try reader.changedKeys(side: .legacy, mapping: "lines") }
        #expect(changed == ["[\"1\",\"1\"]": 10, "[\"5\",\"1\"]": 10])
        #expect(try state("lines") == ["[\"5\",\"1\"]": #"{"qty":"7"}"#])
        #expect(try state().count == 2)
    }

    @Test("the last change of a key wins, also when a later update moves the key away")
    func lastChangeWins() throws {
        try apply(200, at: 10, [change(.insert, ["7"], ["id": .value("7"), "amount": .value("7.00")])])
        try apply(300, at: 11, [
            change(.update, ["70"], ["id": .value("70"), "amount": .value("7.00")], oldKey: ["7"]),
            change(.update, ["1"], ["id": .value("1"), "amount": .value("1.01")]),
            change(.update, ["1"], ["id": .value("1"), "amount": .value("1.02")]),
        ])
        var rows: [StateRow] = []
        _ = try close(1, before: 20) { reader in
            let cursor = try reader.rows(side: .legacy, mapping: "orders", changedOnly: true)
            while let row = try cursor.next() { rows.append(row) }
        }
        #expect(rows.map(\.key) == ["[\"1\"]", "[\"7\"]", "[\"70\"]"])
        #expect(try rows.map { try $0.image } == [["amount": "1.02", "id": "1"], nil, ["amount": "7.00", "id": "70"]])
        #expect(rows.map(\.changedAt) == [11, 11, 11])
        #expect(try state() == ["[\"1\"]": #"{"amount":"1.02","id":"1"}"#, "[\"2\"]": #"{"amount":"2.00","id":"2"}"#,
                                "[\"70\"]": #"{"amount":"7.00","id":"70"}"#])
    }

    @Test("rows changed before a truncate are gone with the rows it cleared; every row streams in key order")
    func changesBeforeTruncate() throws {
        try apply(200, at: 10, [change(.insert, ["9", "9"], ["qty": .value("9")], mapping: "lines")])
        try apply(300, at: 12, [change(.truncate, [], mapping: "lines")])
        try apply(400, at: 14, [change(.insert, ["2", "1"], ["qty": .value("2")], mapping: "lines")])
        var changed: [ExactText: Int64] = [:]
        var keys: [String] = []
        _ = try close(1, before: 20) { reader in
            changed = try reader.changedKeys(side: .legacy, mapping: "lines")
            keys = try reader.keys(side: .legacy, mapping: "lines")
        }
        #expect(changed == ["[\"1\",\"1\"]": 12, "[\"9\",\"9\"]": 12, "[\"2\",\"1\"]": 14])
        #expect(keys == ["[\"2\",\"1\"]"])
        #expect(try state("lines") == ["[\"2\",\"1\"]": #"{"qty":"2"}"#])
    }

    @Test("a close is recorded once with its tables, findings and carried keys; closing it again does nothing")
    func idempotent() throws {
        try apply(200, at: 10, [change(.delete, ["1"])])
        #expect(try close(1, before: 20) != nil)
        try apply(300, at: 15, [change(.delete, ["2"])])
        #expect(try close(1, before: 20) == nil)
        #expect(try pendingCount() == 1)
        #expect(try store.cycles().map(\.id) == [1])
        #expect(try store.cycleTables(cycle: 1) == [CycleTableRecord(mapping: "orders", compared: 2, matched: 1,
                                                                      findingsByKind: ["value_mismatch": 1])])
        #expect(try store.findings(cycle: 1).first?.key == ["id": "2"])
        #expect(try store.findings(cycle: 1).first?.new == nil)
        #expect(try store.carriedKeys(into: 2) == [CarriedKey(mapping: "orders", canonicalKey: "[\"3\"]")])
    }

    @Test("the baseline folds nothing and reads row state only")
    func baseline() throws {
        try apply(200, at: 10, [change(.delete, ["1"])])
        var keys: [String] = []
        _ = try close(0, before: nil) { reader in keys = try reader.keys(side: .legacy, mapping: "orders") }
        #expect(keys == ["[\"1\"]", "[\"2\"]"])
        #expect(try pendingCount() == 1)
    }

    func applyStreamed(_ end: UInt64, at time: Int64, _ changes: [CapturedChange]) throws {
        let xid = UInt32(end)
        try store.stage(changes.map { StagedChange(subxid: xid, change: $0) }, xid: xid, side: .legacy, restart: true)
        try store.commitStreamed(StreamedCommitRecord(xid: xid, commitLSN: end - 8, endLSN: end, commitTime: time), side: .legacy)
    }

    func streamedCount() throws -> Int {
        try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM streamed_change") ?? 0 }
    }

    @Test("committed streamed transactions fold with the other changes, in commit order; later and open ones stay")
    func foldsStreamed() throws {
        try apply(200, at: 10, [change(.update, ["1"], ["id": .value("1"), "amount": .value("1.60")])])
        try applyStreamed(300, at: 11, [
            change(.update, ["1"], ["id": .value("1"), "amount": .value("1.70")]),
            change(.insert, ["4"], ["id": .value("4"), "amount": .value("4.00")]),
            change(.truncate, [], mapping: "lines"),
        ])
        try apply(400, at: 12, [change(.delete, ["4"])])
        try applyStreamed(500, at: 30, [change(.delete, ["2"])])
        try store.stage([StagedChange(subxid: 600, change: change(.delete, ["1"]))], xid: 600, side: .legacy, restart: true)
        var changed: [ExactText: Int64] = [:]
        _ = try close(1, before: 20) { reader in changed = try reader.changedKeys(side: .legacy, mapping: "orders") }
        #expect(changed == ["[\"1\"]": 11, "[\"4\"]": 12])
        #expect(try state() == ["[\"1\"]": #"{"amount":"1.70","id":"1"}"#, "[\"2\"]": #"{"amount":"2.00","id":"2"}"#])
        #expect(try state("lines") == [:])
        #expect(try pendingCount() == 0)
        #expect(try streamedCount() == 2)  // the one committed after the end, and the open one
        _ = try close(2, before: 40)
        #expect(try state() == ["[\"1\"]": #"{"amount":"1.70","id":"1"}"#])
        #expect(try streamedCount() == 1)
        try store.clearStaged(side: .legacy)
        #expect(try streamedCount() == 0)
    }

    func count(_ sql: String) throws -> Int {
        try store.read { db in try Int.fetchOne(db, sql: sql) ?? -1 }
    }

    @Test("a close folds into the delta; a later close reads through it; a merge rewrites row state and empties it")
    func deltaAndMerge() throws {
        try apply(200, at: 10, [change(.update, ["1"], ["id": .value("1"), "amount": .value("1.60")]), change(.delete, ["2"])])
        _ = try close(1, before: 20)
        #expect(try count("SELECT count(*) FROM row_delta") == 2)
        #expect(try count("SELECT count(*) FROM row_state WHERE mapping = 'orders'") == 2)  // untouched
        #expect(try store.rowCount(side: .legacy, mapping: "orders") == 1)
        try apply(300, at: 25, [change(.update, ["3"], ["id": .value("3"), "amount": .value("3.00")])])
        var image: [String: String?]?
        var deleted: [String: String?]?
        var keys: [String] = []
        _ = try close(2, before: 30) { reader in
            image = try reader.image(side: .legacy, mapping: "orders", rowKey: "[\"1\"]")
            deleted = try reader.image(side: .legacy, mapping: "orders", rowKey: "[\"2\"]")
            keys = try reader.keys(side: .legacy, mapping: "orders")
        }
        #expect(image == ["id": "1", "amount": "1.60"])
        #expect(deleted == nil)
        #expect(keys == ["[\"1\"]", "[\"3\"]"])
        try apply(400, at: 35, [change(.update, ["1"], ["id": .value("1"), "note": .unchanged, "amount": .value("1.70")])])
        #expect(try store.currentImages(side: .legacy, mapping: "orders") == [
            "[\"1\"]": ["id": "1", "amount": "1.70"], "[\"3\"]": ["id": "3", "amount": "3.00"],
        ])
        _ = try close(3, before: 40, merge: DeltaMergePolicy(minimumRows: 1, stateRowsPerDeltaRow: 1, rowsPerTransaction: 1))
        #expect(try count("SELECT count(*) FROM row_delta") == 0)
        #expect(try count("SELECT CAST(value AS INTEGER) FROM store_info WHERE key = 'row_state_rows'") == 3)  // two orders, one line
        #expect(try state() == ["[\"1\"]": #"{"amount":"1.70","id":"1"}"#, "[\"3\"]": #"{"amount":"3.00","id":"3"}"#])
    }

    @Test("a close's changed keys are the delta rows it wrote, not those earlier closes left there; an empty close has none")
    func changedKeysPerClose() throws {
        try apply(200, at: 10, [change(.update, ["1"], ["id": .value("1"), "amount": .value("1.60")]), change(.delete, ["2"])])
        _ = try close(1, before: 20)
        try apply(300, at: 25, [change(.insert, ["3"], ["id": .value("3"), "amount": .value("3.00")])])
        var changed: [ExactText: Int64] = [:]
        var changedRows: [String] = []
        var full: [(String, Int64?)] = []
        _ = try close(2, before: 30) { reader in
            changed = try reader.changedKeys(side: .legacy, mapping: "orders")
            let rows = try reader.rows(side: .legacy, mapping: "orders", changedOnly: true)
            while let row = try rows.next() { changedRows.append(row.key) }
            let all = try reader.rows(side: .legacy, mapping: "orders", changedOnly: false)
            while let row = try all.next() { full.append((row.key, row.changedAt)) }
        }
        #expect(changed == ["[\"3\"]": 25])
        #expect(changedRows == ["[\"3\"]"])
        #expect(full.map(\.0) == ["[\"1\"]", "[\"3\"]"])
        #expect(full.map(\.1) == [nil, 25])  // only this close's change carries its time
        var emptyChanged: [ExactText: Int64] = ["sentinel": 0]
        var emptyRows = 0
        _ = try close(3, before: 40) { reader in
            emptyChanged = try reader.changedKeys(side: .legacy, mapping: "orders")
            let rows = try reader.rows(side: .legacy, mapping: "orders", changedOnly: true)
            while try rows.next() != nil { emptyRows += 1 }
        }
        #expect(emptyChanged.isEmpty)
        #expect(emptyRows == 0)
        #expect(try count("SELECT count(*) FROM row_delta WHERE folded_by = 2") == 1)
    }

    @Test("an update in a streamed transaction that moves a key deletes the old one, and both keys changed")
    func streamedKeyChange() throws {
        try applyStreamed(300, at: 11, [change(.update, ["20"], ["id": .value("20"), "amount": .value("2.00")], oldKey: ["2"])])
        var changed: [ExactText: Int64] = [:]
        _ = try close(1, before: 20) { reader in changed = try reader.changedKeys(side: .legacy, mapping: "orders") }
        #expect(changed == ["[\"2\"]": 11, "[\"20\"]": 11])
        #expect(try state() == ["[\"1\"]": #"{"amount":"1.50","id":"1"}"#, "[\"20\"]": #"{"amount":"2.00","id":"20"}"#])
    }

    @Test("past the keys a fold lists, a close finds its changed keys by reading the delta: the same keys, in key order")
    func changedKeysUnlisted() throws {
        try apply(200, at: 10, [change(.update, ["1"], ["id": .value("1"), "amount": .value("1.60")])])
        _ = try close(1, before: 20)
        let inserts = (0..<FoldedKeys.listLimit).map { change(.insert, ["k\($0)"], ["id": .value("k\($0)")]) }
        try apply(300, at: 25, inserts + [change(.update, ["20"], ["id": .value("20"), "amount": .value("2.00")], oldKey: ["2"])])
        var changed: [ExactText: Int64] = [:]
        var rows: [String] = []
        _ = try close(2, before: 30) { reader in
            changed = try reader.changedKeys(side: .legacy, mapping: "orders")
            let cursor = try reader.rows(side: .legacy, mapping: "orders", changedOnly: true)
            while let row = try cursor.next() { rows.append(row.key) }
        }
        #expect(changed.count == FoldedKeys.listLimit + 2)
        #expect(changed["[\"1\"]"] == nil)  // changed by the first close, still in the delta
        #expect(changed["[\"2\"]"] == 25 && changed["[\"20\"]"] == 25 && changed["[\"k0\"]"] == 25)
        #expect(rows == changed.keys.sorted().map(\.rawValue))
        #expect(try state()["[\"2\"]"] == nil)
    }

    @Test("a close cut short after its fold keeps it, and the next close of the cycle compares what was folded")
    func resumesAfterFold() throws {
        struct Cut: Error {}
        try apply(200, at: 10, [change(.update, ["1"], ["id": .value("1"), "amount": .value("1.60")]), change(.delete, ["2"])])
        #expect(throws: StoreError.self) { try store.closeCycle(id: 1, foldBefore: 20) { _ in throw Cut() } }
        #expect(try pendingCount() == 0)
        #expect(try count("SELECT count(*) FROM cycle") == 0)
        var changed: [ExactText: Int64] = [:]
        let record = try close(1, before: 20) { reader in changed = try reader.changedKeys(side: .legacy, mapping: "orders") }
        #expect(record?.id == 1)
        #expect(changed == ["[\"1\"]": 10, "[\"2\"]": 10])
        #expect(try state() == ["[\"1\"]": #"{"amount":"1.60","id":"1"}"#])
        #expect(try count("SELECT count(*) FROM store_info WHERE key = 'folded_cycle'") == 0)
        #expect(try close(1, before: 20) == nil)
    }

    @Test("a truncate after earlier closes clears the keys in the delta too, and does not revive deleted ones")
    func truncateThroughDelta() throws {
        try apply(200, at: 10, [
            change(.insert, ["7", "1"], ["qty": .value("7")], mapping: "lines"), change(.delete, ["1", "1"], mapping: "lines"),
            change(.insert, ["8", "1"], ["qty": .value("8")], mapping: "lines"),
        ])
        _ = try close(1, before: 20)
        try apply(300, at: 25, [change(.delete, ["8", "1"], mapping: "lines")])
        _ = try close(2, before: 30)
        try apply(400, at: 35, [change(.truncate, [], mapping: "lines")])
        var changed: [ExactText: Int64] = [:]
        _ = try close(3, before: 40) { reader in changed = try reader.changedKeys(side: .legacy, mapping: "lines") }
        #expect(changed == ["[\"7\",\"1\"]": 35])
        #expect(try state("lines") == [:])
        #expect(try store.currentImages(side: .legacy, mapping: "lines").isEmpty)
    }

    @Test("a merge in parts keeps the recorded row count exact and the state the same after every part")
    func mergeInParts() throws {
        try apply(200, at: 10, [
            change(.delete, ["1"]), change(.insert, ["5"], ["id": .value("5")]), change(.insert, ["6"], ["id": .value("6")]),
            change(.insert, ["7"], ["id": .value("7")]), change(.delete, ["7"]), change(.update, ["2"], ["id": .value("2")]),
        ])
        _ = try close(1, before: 20)
        let before = try state()
        let delta = try count("SELECT count(*) FROM row_delta")
        #expect(delta == 5)  // 1 and 7 deleted, 2 updated, 5 and 6 inserted
        var parts = 0
        while try store.write({ db in try RowDelta.mergePart(db, rows: 2) }) {
            parts += 1
            #expect(try state() == before)
        }
        #expect(parts == 2)
        #expect(try count("SELECT count(*) FROM row_delta") == 0)
        #expect(try state() == before)
        #expect(try count("SELECT CAST(value AS INTEGER) FROM store_info WHERE key = 'row_state_rows'")
                == count("SELECT count(*) FROM row_state"))
    }
}
