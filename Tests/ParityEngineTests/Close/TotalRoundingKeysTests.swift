import Foundation
import ParityConfig
import ParityEngine
import ParityModel
import ParityStore
import ParityTestSupport
import Reconciliation
import Testing

/// A header total's rounding evidence and contract keep two headers apart whose keys Swift's `String` equates (a
/// precomposed and a decomposed `é`): the stores hold them as two rows, so each total is judged against its own lines.
@Suite("Total rounding evidence by exact header key")
struct TotalRoundingKeysTests {
    static let precomposed = "caf\u{E9}"
    static let decomposed = "cafe\u{301}"

    @Test("each header's total is judged against its own lines, in both stores")
    func headersStayApart() throws {
        #expect(Self.precomposed == Self.decomposed, "the premise: Swift's String equates the two keys")
        let scratch = try ScratchDirectory("total-rounding-keys")
        let database = try SharedCluster.newDatabase("total_rounding_keys")
        for store in ["store: { path: \"\(scratch.file("parity.sqlite"))\" }", "store: { url: \"\(database.url)\" }"] {
            // Issue 5's invoices: the header's total against the sum of its lines' amounts, each line's from qty * unit_price.
            let configuration = try StoreDifferentialTests.configuration(
                store: store, scratch: scratch, name: store.contains("url") ? "postgres" : "sqlite", tables: RoundingScenario.tables)
            let opened = try configuration.store.open()
            let calendar = try #require(CycleCalendar(configuration.cycle))
            let window = calendar.window(containing: RandomHistory.origin)
            let initializedAt = StoreTime.micros(window.start)
            try Self.initialize(opened, at: initializedAt)

            // In the next window each header and its two lines are written on legacy: half-even lines, one total per rule.
            //   café (precomposed): lines 0.125 + 0.125, stored 0.12 + 0.12; its total 0.24 is the sum of the rounded lines.
            //   café (decomposed):  lines 0.115 + 0.115, stored 0.12 + 0.12; its total 0.23 is the rounded sum.
            // Read as one header, the four lines would give neither total.
            let next = calendar.window(after: window)
            let writes = [(Self.precomposed, "0.125", "0.24"), (Self.decomposed, "0.115", "0.23")].flatMap { header, price, total -> [CapturedChange] in
                [Self.line(header, 1, price), Self.line(header, 2, price),
                 CapturedChange(table: Self.header, mapping: "invoices", operation: .insert, key: [header],
                                values: ["inv_no": .value(header), "total": .value(total)])]
            }
            let commitTime = StoreTime.micros(next.start) + 1_000_000
            _ = try opened.apply([CapturedTransaction(xid: 700, commitLSN: 0x2000, endLSN: 0x2008, commitTime: commitTime, changes: writes)],
                                 side: .legacy)
            for side in SourceSide.allCases {
                try opened.recordIdle(side: side, position: 0x3000, serverTime: StoreTime.micros(next.end) + 1_000_000)
            }
            _ = try CycleCloser.close(configuration, store: opened, now: next.end.addingTimeInterval(2))

            let cycle = try #require(try opened.cycles().last, "\(store)")
            #expect(cycle.keysCompared == 6, "\(store): two headers and four lines compared in the window's cycle")
            let evidence = try opened.roundingEvidence(cycle: cycle.id).filter { $0.mapping == "invoices" && $0.side == .legacy }
            guard case .total(let totals)? = evidence.first?.evidence else {
                Issue.record("\(store): no total evidence for legacy invoices: \(evidence)")
                continue
            }
            #expect(totals.perLine == 1 && totals.perTotal == 1 && totals.neither == 0 && totals.both == 0, "\(store): \(totals)")

            // The contracts export groups the lines by header the same way: each header's vector adds its own two lines.
            let export = try ContractExport.build(configuration, store: opened, sample: 20)
            let contract = try #require(export.contracts.first { $0.id == "totals.invoices.total" }, "\(store)")
            #expect(contract.vectors.map { $0.about["sum_of_amounts"] } == ["0.24", "0.24"], "\(store): \(contract.vectors)")
        }
    }

    static let header = "public.invoices"
    static let lines = "public.invoice_lines"

    /// Line `number` of invoice `header`: one unit at `price`, its amount stored as legacy's trigger rounds it (0.12).
    static func line(_ header: String, _ number: Int, _ price: String) -> CapturedChange {
        CapturedChange(
            table: lines, mapping: "invoice_lines", operation: .insert, key: [header, String(number)],
            values: ["inv_no": .value(header), "line_no": .value(String(number)), "qty": .value("1"), "unit_price": .value(price),
                     "amount": .value("0.12")])
    }

    /// Both sources initialized empty at `initializedAt`, as `parity init` records them.
    static func initialize(_ store: any Store, at initializedAt: Int64) throws {
        for mapping in ["invoice_lines", "invoices"] {
            _ = try (store as? any PartitionedCycleStore)?.placeKeys(mapping: mapping, normalizers: [])
        }
        try store.loadingFirstBaseline {}
        for side in SourceSide.allCases {
            for mapping in ["invoice_lines", "invoices"] {
                try store.recordMappingCopied(MappingSource(
                    side: side, mapping: mapping, table: nil, copiedAt: 0x1000, snapshotTime: initializedAt, initializedAt: initializedAt))
            }
            try store.recordInitialized(SourceRecord(
                side: side, slot: "parity_\(side.rawValue)", publications: ["parity_\(side.rawValue)"], systemIdentifier: "7300000000000000001",
                database: side.rawValue, consistentPoint: 0x1000, checkpointLSN: 0x1000, watermark: initializedAt, initializedAt: initializedAt))
        }
    }
}
