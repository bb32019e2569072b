import ParityModel
import ParityStore
import Testing

/// What the hidden-state audit relies on: per transaction, the tables a source wrote and how many rows.
@Suite("Store contract: co-writes")
struct CoWriteContractTests {
    /// A change of `orders` row `id`.
    static func order(_ operation: CapturedChange.Operation, _ id: String) -> CapturedChange {
        CapturedChange(table: "public.orders", mapping: "orders", operation: operation, key: [id], oldKey: nil, values: ["id": .value(id)])
    }

    /// A change of the unmapped `daily_summary` (as a trigger on `orders` would write it).
    static func summary(_ operation: CapturedChange.Operation) -> CapturedChange {
        CapturedChange(table: "public.daily_summary", mapping: nil, operation: operation, key: [], oldKey: nil, values: [:])
    }

    @Test("co-write patterns: rows per operation on the trigger's table and, in the same transactions, the other, most frequent first",
          arguments: StoreFactory.all)
    func coWrites(_ factory: StoreFactory) throws {
        let store = try factory.open().store
        try Fixtures.initialize(store, .legacy)
        let transactions = [
            [Self.order(.insert, "1"), Self.summary(.insert)], [Self.order(.insert, "2"), Self.summary(.update)],
            [Self.order(.insert, "3"), Self.summary(.update)], [Self.order(.update, "1")],
        ]
        for (index, changes) in transactions.enumerated() {
            try store.apply(Fixtures.transaction(UInt64(200 + index * 100), at: Int64(10 + index), changes), side: .legacy)
        }
        let patterns = try store.coWritePatterns(side: .legacy, table: "public.orders", with: "public.daily_summary", limit: 10)
        #expect(patterns.map { "\($0.base["inserts"]!)/\($0.base["updates"]!) → \($0.other["inserts"]!)/\($0.other["updates"]!) ×\($0.transactions)" } == [
            "1/0 → 0/1 ×2", "1/0 → 1/0 ×1", "0/1 → 0/0 ×1",
        ])
        #expect(patterns.first?.firstCommit == 11)
        #expect(try store.coWritePatterns(side: .legacy, table: "public.orders", with: "public.daily_summary", limit: 1).count == 1)
        #expect(try store.tableWrites(side: .legacy, from: 0, to: 100).map { "\($0.table) \($0.rows)" }
            == ["public.daily_summary 3", "public.orders 4"])
        #expect(try store.tableWrites(side: .legacy, from: 12, to: 13).map(\.table) == ["public.daily_summary", "public.orders"])
    }

    @Test("the new side's transactions, plain or streamed, keep their changes and no table writes: only legacy's are asked about",
          arguments: StoreFactory.all)
    func newSideKeepsNoWrites(_ factory: StoreFactory) throws {
        let opened = try factory.open()
        let store = opened.store
        try Fixtures.initialize(store, .new)
        try store.apply(Fixtures.transaction(200, at: 10, [Self.order(.insert, "1"), Self.summary(.insert)]), side: .new)
        try store.stage(
            [StagedChange(subxid: 7, change: Self.order(.insert, "2")), StagedChange(subxid: 7, change: Self.summary(.update))],
            xid: 7, side: .new, restart: true)
        #expect(try store.commitStreamed(StreamedCommitRecord(xid: 7, commitLSN: 292, endLSN: 300, commitTime: 20), side: .new) == 2)
        #expect(try Set(store.currentImages(side: .new, mapping: "orders").keys) == [ExactText(Fixtures.key("1")), ExactText(Fixtures.key("2"))])
        #expect(try store.tableWrites(side: .new, from: 0, to: 100).isEmpty)
        #expect(try store.coWritePatterns(side: .new, table: "public.orders", with: "public.daily_summary", limit: 10).isEmpty)
        #expect(try factory.rowCount(opened, "transaction_write") == 0)
    }

    @Test("a close retires its cycle's transaction writes into summaries that answer the same, a late transaction's into its cycle",
          arguments: StoreFactory.all)
    func retiredWrites(_ factory: StoreFactory) throws {
        let opened = try factory.open()
        let store = opened.store
        try Fixtures.initialize(store, .legacy)
        let order = Self.order
        let summary = Self.summary
        // (end position, commit time, changes): cycle 0's window is [0, 100), cycle 1's [100, 200), cycle 2's [200, 300).
        let transactions: [(UInt64, Int64, [CapturedChange])] = [
            (150, 50, [order(.insert, "6"), summary(.insert)]), (200, 110, [order(.insert, "1"), summary(.insert)]),
            (300, 120, [order(.insert, "2"), summary(.update)]), (400, 130, [order(.insert, "3"), summary(.update)]),
            (500, 140, [order(.update, "1")]), (600, 210, [order(.insert, "4"), summary(.update)]),
        ]
        for (end, time, changes) in transactions {
            try store.apply(Fixtures.transaction(end, at: time, changes), side: .legacy)
        }
        func answers() throws -> [String] {
            let windows = try [(0, 100), (100, 200), (200, 300), (0, 300)].map { from, to in
                try store.tableWrites(side: .legacy, from: from, to: to).map { "\($0.table) \($0.rows)" }.joined(separator: ", ")
            }
            let patterns = try store.coWritePatterns(side: .legacy, table: "public.orders", with: "public.daily_summary", limit: 10).map {
                "\($0.base["inserts"]!)/\($0.base["updates"]!) → \($0.other["inserts"]!)/\($0.other["updates"]!) ×\($0.transactions) from \($0.firstCommit)"
            }
            return windows + patterns
        }
        let raw = try answers()
        #expect(raw == [
            "public.daily_summary 1, public.orders 1", "public.daily_summary 3, public.orders 4", "public.daily_summary 1, public.orders 1",
            "public.daily_summary 5, public.orders 6", "1/0 → 0/1 ×3 from 120", "1/0 → 1/0 ×2 from 50", "0/1 → 0/0 ×1 from 140",
        ])
        try Fixtures.close(store, 0)
        // The baseline's window lies inside the first calendar cycle's, whose audit reads the rows when it closes.
        #expect(try factory.rowCount(opened, "transaction_write") == 11)
        try Fixtures.close(store, 1, before: 200)
        #expect(try answers() == raw)
        #expect(try factory.rowCount(opened, "transaction_write") == 2)

        // A late transaction of cycle 1, captured after its close; the next close's audit still reads its own window.
        try store.apply(Fixtures.transaction(700, at: 150, [order(.insert, "5"), summary(.update)]), side: .legacy)
        var audited: [[String: Int]] = []
        try store.closeCycle(id: 2, foldBefore: 300) { reader in
            audited = try reader.transactionWrites(side: .legacy, from: 200, to: 300)
            return CycleClose(cycle: Fixtures.cycle(2), tables: [], findings: [], carried: [])
        }
        #expect(audited == [["public.orders": 1, "public.daily_summary": 1]])
        let retired = try answers()
        #expect(retired == [
            "public.daily_summary 1, public.orders 1", "public.daily_summary 4, public.orders 5", "public.daily_summary 1, public.orders 1",
            "public.daily_summary 6, public.orders 7", "1/0 → 0/1 ×4 from 120", "1/0 → 1/0 ×2 from 50", "0/1 → 0/0 ×1 from 140",
        ])
        #expect(try factory.rowCount(opened, "transaction_write") == 0)
        #expect(try factory.rowCount(opened, "write_signature") == 3)
    }
}
