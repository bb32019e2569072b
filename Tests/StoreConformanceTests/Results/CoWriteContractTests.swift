import ParityModel
import ParityStore
import Testing

/// What the hidden-state audit relies on: per transaction, the tables a source wrote and how many rows.
@Suite("Store contract: co-writes")
struct CoWriteContractTests {
    @Test("co-write patterns: rows per operation on the trigger's table and, in the same transactions, the other, most frequent first",
          arguments: StoreFactory.all)
    func coWrites(_ factory: StoreFactory) throws {
        let opened = try factory.open()
        let store = opened.store
        try Fixtures.initialize(store, .legacy)
        func insert(_ id: String) -> CapturedChange {
            CapturedChange(table: "public.orders", mapping: "orders", operation: .insert, key: [id], oldKey: nil, values: ["id": .value(id)])
        }
        let summary = { (operation: CapturedChange.Operation) in
            CapturedChange(table: "public.daily_summary", mapping: nil, operation: operation, key: [], oldKey: nil, values: [:])
        }
        let transactions = [
            [insert("1"), summary(.insert)], [insert("2"), summary(.update)], [insert("3"), summary(.update)],
            [CapturedChange(table: "public.orders", mapping: "orders", operation: .update, key: ["1"], oldKey: nil, values: ["id": .value("1")])],
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
}
