import Foundation
@testable import ParityStore
import ParityTestSupport
import Testing

@Suite("Contract exports and co-write patterns in the store")
struct ContractExportStoreTests {
    let store: ParityStore
    let scratch: ScratchDirectory

    init() throws {
        scratch = try ScratchDirectory("contract-export")
        store = try ParityStore.open(path: scratch.file("parity.sqlite"))
    }

    @Test("the last recorded export, with its contract ids; none before the first")
    func exports() throws {
        #expect(try store.lastContractExport() == nil)
        for (at, fingerprint) in [(Int64(1_000), "fnv1a64:aa"), (2_000, "fnv1a64:bb")] {
            try store.recordContractExport(ContractExportRecord(
                exportedAt: at, exportedBy: "ann@host", asOfCycle: 4, directory: "/tmp/contracts", format: "json",
                contractIDs: ["rounding.orders.amount", "decisions"], vectors: 12, decisionsFingerprint: fingerprint))
        }
        let last = try #require(try store.lastContractExport())
        #expect(last.exportedAt == 2_000 && last.decisionsFingerprint == "fnv1a64:bb" && last.id == 2)
        #expect(last.contractIDs == ["rounding.orders.amount", "decisions"] && last.vectors == 12 && last.asOfCycle == 4)
    }

    @Test("co-write patterns: rows per operation on the trigger's table and, in the same transactions, the other, most frequent first")
    func coWrites() throws {
        try store.recordInitialized(SourceRecord(
            side: .legacy, slot: "parity_legacy", publications: ["parity_legacy"], systemIdentifier: "7300000000000000001",
            database: "legacy", consistentPoint: 100, checkpointLSN: 100, watermark: 5, initializedAt: 1))
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
            let end = UInt64(200 + index * 100)
            try store.apply(CapturedTransaction(xid: UInt32(end), commitLSN: end - 8, endLSN: end, commitTime: Int64(10 + index), changes: changes),
                            side: .legacy)
        }
        let patterns = try store.coWritePatterns(side: .legacy, table: "public.orders", with: "public.daily_summary", limit: 10)
        #expect(patterns.map { "\($0.base["inserts"]!)/\($0.base["updates"]!) → \($0.other["inserts"]!)/\($0.other["updates"]!) ×\($0.transactions)" } == [
            "1/0 → 0/1 ×2", "1/0 → 1/0 ×1", "0/1 → 0/0 ×1",
        ])
        #expect(patterns.first?.firstCommit == 11)
        #expect(try store.coWritePatterns(side: .legacy, table: "public.orders", with: "public.daily_summary", limit: 1).count == 1)
    }
}
