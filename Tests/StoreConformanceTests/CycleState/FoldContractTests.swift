import ParityModel
import ParityStore
import Testing

/// What the fold of a close leaves for the comparison when the changes are not plain inserts: key changes, truncates,
/// and columns a change left unchanged.
@Suite("Store contract: the fold")
struct FoldContractTests {
    /// The legacy source initialized with `rows` (id → amount) as its `orders` baseline, each with a note.
    static func initialize(_ store: any Store, _ rows: [String: String]) throws {
        try Fixtures.initialize(store, .legacy)
        try store.insertBaseline(
            side: .legacy, mapping: "orders", rows: rows.map { (key: [$0.key], values: ["id": $0.key, "amount": $0.value, "note": "n\($0.key)"]) },
            lsn: 100)
    }

    /// A change of `orders` row `id`.
    static func change(
        _ operation: CapturedChange.Operation, _ id: String, from old: String? = nil, _ values: [String: CapturedValue] = [:]
    ) -> CapturedChange {
        CapturedChange(table: "public.orders", mapping: "orders", operation: operation, key: operation == .truncate ? [] : [id],
                       oldKey: old.map { [$0] }, values: values)
    }

    /// The legacy rows cycle `id` changed, as it closes before `end`: key, amount (or `gone`), the change events' bits.
    static func changedRows(_ store: any Store, closing id: Int64, before end: Int64) throws -> [String] {
        var rows: [String] = []
        try store.closeCycle(id: id, foldBefore: end) { reader in
            let cursor = try reader.rows(side: .legacy, mapping: "orders", changedOnly: true)
            while let row = try cursor.next() {
                rows.append("\(row.key) \(row.values == nil ? "gone" : try row.image?["amount"].flatMap { $0 } ?? "?") \(row.events?.rawValue ?? -1)")
            }
            return CycleClose(cycle: Fixtures.cycle(id), tables: [], findings: [], carried: [])
        }
        return rows
    }

    @Test("an update that changes its key deletes the old key; deleted keys are listed by their close, then gone", arguments: StoreFactory.all)
    func keyChange(_ factory: StoreFactory) throws {
        let store = try factory.open().store
        try Self.initialize(store, ["1": "1.00", "2": "2.00"])
        try store.apply(Fixtures.transaction(200, at: 10, [
            Self.change(.update, "3", from: "1", ["id": .value("3"), "amount": .value("1.00"), "note": .value("moved")]),
            Self.change(.delete, "2"), Self.change(.insert, "4", ["id": .value("4"), "amount": .value("4.00")]),
        ]), side: .legacy)
        #expect(try Self.changedRows(store, closing: 1, before: 20) == [
            "\(Fixtures.key("1")) gone 2", "\(Fixtures.key("2")) gone 4", "\(Fixtures.key("3")) 1.00 2", "\(Fixtures.key("4")) 4.00 1",
        ])
        #expect(try store.closedImage(side: .legacy, mapping: "orders", rowKey: Fixtures.key("1")) == nil)
        #expect(try store.closedImage(side: .legacy, mapping: "orders", rowKey: Fixtures.key("3"))?["note"] == .some("moved"))
        #expect(try store.rowCount(side: .legacy, mapping: "orders") == 2)
        #expect(try Self.changedRows(store, closing: 2, before: 30).isEmpty, "the next close lists nothing it did not change")
        #expect(try store.withClosedState { try $0.keys(side: .legacy, mapping: "orders") } == [Fixtures.key("3"), Fixtures.key("4")])
    }

    @Test("a truncate deletes the state before it; the changes after it stay", arguments: StoreFactory.all)
    func truncate(_ factory: StoreFactory) throws {
        let store = try factory.open().store
        try Self.initialize(store, ["1": "1.00", "2": "2.00"])
        try store.apply(Fixtures.transaction(200, at: 10, [Self.change(.insert, "3", ["id": .value("3"), "amount": .value("3.00")])]), side: .legacy)
        try store.apply(Fixtures.transaction(300, at: 11, [Self.change(.truncate, "")]), side: .legacy)
        try store.apply(Fixtures.transaction(400, at: 12, [Self.change(.insert, "4", ["id": .value("4"), "amount": .value("4.00")])]), side: .legacy)
        #expect(try Set(store.currentImages(side: .legacy, mapping: "orders").keys) == [ExactText(Fixtures.key("4"))])
        let asOf450 = try store.withSourceState(side: .legacy, mapping: "orders", asOf: 450) { reader throws -> (Bool, Bool, [String]) in
            var changes: [String] = []
            while let change = try reader.nextChange() { changes.append(change.key) }
            return (reader.truncated, try reader.nextStateRow() == nil, changes)
        }
        #expect(asOf450 == (true, true, [Fixtures.key("4")]), "after a truncate only the changes that follow it count")
        #expect(try Self.changedRows(store, closing: 1, before: 20) == [
            "\(Fixtures.key("1")) gone 8", "\(Fixtures.key("2")) gone 8", "\(Fixtures.key("3")) gone 1", "\(Fixtures.key("4")) 4.00 1",
        ])
        #expect(try store.rowCount(side: .legacy, mapping: "orders") == 1)
    }

    @Test("a key changed several times in a close: its last image, the events of every change", arguments: StoreFactory.all)
    func severalChanges(_ factory: StoreFactory) throws {
        let store = try factory.open().store
        try Self.initialize(store, ["1": "1.00"])
        try store.apply(Fixtures.transaction(200, at: 10, [
            Self.change(.update, "1", ["id": .value("1"), "amount": .value("1.10")]),
            Self.change(.insert, "5", ["id": .value("5"), "amount": .value("5.00")]),
            Self.change(.insert, "6", ["id": .value("6"), "amount": .value("6.00")]),
        ]), side: .legacy)
        try store.apply(Fixtures.transaction(300, at: 11, [
            Self.change(.update, "1", ["id": .value("1"), "amount": .value("1.20")]), Self.change(.delete, "5"),
            Self.change(.update, "6", ["id": .value("6"), "amount": .value("6.60")]),
        ]), side: .legacy)
        #expect(try Self.changedRows(store, closing: 1, before: 20) == [
            "\(Fixtures.key("1")) 1.20 2", "\(Fixtures.key("5")) gone 5", "\(Fixtures.key("6")) 6.60 3",
        ])
    }

    @Test("a key changed before and after a truncate in one close is listed once, with the events of both", arguments: StoreFactory.all)
    func changedAroundTruncate(_ factory: StoreFactory) throws {
        let store = try factory.open().store
        try Self.initialize(store, ["1": "1.00", "2": "2.00"])
        try store.apply(Fixtures.transaction(200, at: 10, [Self.change(.update, "1", ["id": .value("1"), "amount": .value("1.50")])]), side: .legacy)
        try store.apply(Fixtures.transaction(300, at: 11, [Self.change(.truncate, "")]), side: .legacy)
        try store.apply(Fixtures.transaction(400, at: 12, [Self.change(.insert, "1", ["id": .value("1"), "amount": .value("9.00")])]), side: .legacy)
        #expect(try Self.changedRows(store, closing: 1, before: 20) == ["\(Fixtures.key("1")) 9.00 11", "\(Fixtures.key("2")) gone 8"])
        #expect(try store.rowCount(side: .legacy, mapping: "orders") == 1)
    }

    @Test("columns a change left unchanged come from the key's previous image, in ordinary and streamed transactions",
          arguments: StoreFactory.all)
    func unchangedColumns(_ factory: StoreFactory) throws {
        let store = try factory.open().store
        try Self.initialize(store, ["1": "1.00"])
        try store.apply(Fixtures.transaction(200, at: 10, [
            Self.change(.update, "1", ["id": .value("1"), "amount": .value("2.00"), "note": .unchanged]),
        ]), side: .legacy)
        #expect(try store.currentImages(side: .legacy, mapping: "orders")[ExactText(Fixtures.key("1"))]?["note"] == .some("n1"))

        let update = { (amount: String) in
            StagedChange(subxid: 9, change: Self.change(.update, "1", ["id": .value("1"), "amount": .value(amount), "note": .unchanged]))
        }
        try store.stage([update("3.00")], xid: 9, side: .legacy, restart: true)
        try store.stage([update("4.00")], xid: 9, side: .legacy, restart: false)
        #expect(try store.commitStreamed(StreamedCommitRecord(xid: 9, commitLSN: 292, endLSN: 300, commitTime: 11), side: .legacy) == 2)
        let image = try #require(try store.currentImages(side: .legacy, mapping: "orders")[ExactText(Fixtures.key("1"))])
        #expect(image["amount"] == .some("4.00") && image["note"] == .some("n1"))
        #expect(try store.tableWrites(side: .legacy, from: 0, to: 100).map { "\($0.table) \($0.rows)" } == ["public.orders 3"])
    }

    @Test("in a streamed transaction, unchanged columns come from the key's earlier change in it, under its new key too",
          arguments: StoreFactory.all)
    func unchangedColumnsStagedEarlier(_ factory: StoreFactory) throws {
        let store = try factory.open().store
        try Self.initialize(store, ["1": "1.00", "2": "2.00"])
        try store.stage([
            StagedChange(subxid: 9, change: Self.change(.update, "1", ["id": .value("1"), "amount": .value("1.10"), "note": .value("staged")])),
            StagedChange(subxid: 9, change: Self.change(.update, "2", ["id": .value("2"), "amount": .value("2.20"), "note": .unchanged])),
        ], xid: 9, side: .legacy, restart: true)
        try store.stage([
            StagedChange(subxid: 9, change: Self.change(.update, "1", ["id": .value("1"), "amount": .value("1.30"), "note": .unchanged])),
            StagedChange(subxid: 9, change: Self.change(.update, "7", from: "1", ["id": .value("7"), "amount": .value("7.00"), "note": .unchanged])),
            StagedChange(subxid: 9, change: Self.change(.update, "2", ["id": .value("2"), "amount": .value("2.30"), "note": .unchanged])),
        ], xid: 9, side: .legacy, restart: false)
        #expect(try store.commitStreamed(StreamedCommitRecord(xid: 9, commitLSN: 292, endLSN: 300, commitTime: 11), side: .legacy) == 5)
        let images = try store.currentImages(side: .legacy, mapping: "orders")
        #expect(images.keys.sorted() == [ExactText(Fixtures.key("2")), ExactText(Fixtures.key("7"))])
        #expect(images[ExactText(Fixtures.key("7"))]?["note"] == .some("staged"), "through the key's earlier changes in the transaction")
        #expect(images[ExactText(Fixtures.key("2"))]?["note"] == .some("n2"), "from row state, through an unresolved earlier change")

        // A later stream with nothing unchanged, then one of the same xid after a restart: each finds only its own changes.
        try store.stage([StagedChange(subxid: 10, change: Self.change(.update, "2", ["id": .value("2"), "amount": .value("2.40"), "note": .value("first")]))],
                        xid: 10, side: .legacy, restart: true)
        try store.stage([StagedChange(subxid: 10, change: Self.change(.update, "2", ["id": .value("2"), "amount": .value("2.50"), "note": .unchanged]))],
                        xid: 10, side: .legacy, restart: true)
        #expect(try store.commitStreamed(StreamedCommitRecord(xid: 10, commitLSN: 392, endLSN: 400, commitTime: 12), side: .legacy) == 1)
        #expect(try store.currentImages(side: .legacy, mapping: "orders")[ExactText(Fixtures.key("2"))]?["note"] == .some("n2"))
    }
}
