import Foundation
import ParityConfig
@testable import ParityEngine
import ParityModel
import ParityStore
import ParityTestSupport
import Reconciliation
import Testing

@Suite("The close's merge join pairs keys across sides")
struct MappingComparisonTests {
    let store: ParityStore
    let mapping: TableMapping
    let scratch: ScratchDirectory

    init() throws {
        scratch = try ScratchDirectory("merge")
        store = try ParityStore.open(path: scratch.file("parity.sqlite"))
        let configuration = try ParityConfiguration.parse(yaml: """
            sources: { legacy: { dsn: "host=a" }, new: { dsn: "host=b" } }
            tables:
              - name: invoices
                legacy: public.invoices
                new: billing.invoice
                key: { legacy: [inv_no], new: [id], normalize: [trim, { strip_prefix: "INV-" }, strip_leading_zeros] }
                columns: [{ legacy: total, new: total, type: decimal, scale: 2 }]
            """, file: "test.yaml", environment: [:])
        mapping = try #require(configuration.tables.first)
        for side in SourceSide.allCases {
            try store.recordInitialized(SourceRecord(
                side: side, slot: "s_\(side)", publications: ["p"], systemIdentifier: "1", database: side.rawValue, consistentPoint: 1,
                checkpointLSN: 1, watermark: 0, initializedAt: 0))
        }
        try store.insertBaseline(side: .legacy, mapping: "invoices", rows: [
            (key: [" INV-0017"], values: ["inv_no": " INV-0017", "total": "17.00"]),
            (key: ["INV-2 "], values: ["inv_no": "INV-2 ", "total": "2.00"]),
            (key: ["INV-300"], values: ["inv_no": "INV-300", "total": "3.00"]),
        ], lsn: 1)
        try store.insertBaseline(side: .new, mapping: "invoices", rows: [
            (key: ["17"], values: ["id": "17", "total": "17.0"]),
            (key: ["2"], values: ["id": "2", "total": "2.01"]),
            (key: ["4"], values: ["id": "4", "total": "4.00"]),
        ], lsn: 1)
    }

    func compare(cycle: Int64, window: CycleWindow?) throws -> MappingComparison.Outcome {
        var outcome: MappingComparison.Outcome?
        _ = try store.closeCycle(id: cycle, foldBefore: window.map { StoreTime.micros($0.end) }) { reader in
            var rounding = RoundingObservations()
            let result = try MappingComparison(mapping: mapping, window: window, everyRow: window == nil, label: "c\(cycle)", grace: .zero)
                .run(reader, rounding: &rounding)
            outcome = result
            return CycleClose(
                cycle: CycleRecord(id: cycle, label: "c\(cycle)", start: 0, end: 0, status: .closed, closedAt: 1,
                                   keysCompared: result.table.compared, unexplainedRate: "0"),
                tables: [result.table], findings: [], carried: result.carried)
        }
        return try #require(outcome)
    }

    @Test("key normalizers pair raw keys that differ; the baseline compares every key once, a cycle looks up the unchanged side")
    func normalizedKeys() throws {
        let baseline = try compare(cycle: 0, window: nil)
        #expect(baseline.table.compared == 4)
        #expect(baseline.table.matched == 1)
        #expect(Set(baseline.findings.map { "\($0.kind.rawValue) \($0.key)" }) == [
            "value_mismatch [\"inv_no\": Optional(\"INV-2 \")]", "missing_in_new [\"inv_no\": Optional(\"INV-300\")]",
            "missing_in_legacy [\"inv_no\": Optional(\"4\")]",
        ])

        let start = Date(timeIntervalSince1970: 100)
        try store.apply(CapturedTransaction(xid: 9, commitLSN: 10, endLSN: 18, commitTime: StoreTime.micros(start) + 1, changes: [
            CapturedChange(table: "billing.invoice", mapping: "invoices", operation: .update, key: ["17"],
                           values: ["id": .value("17"), "total": .value("17.01")]),
        ]), side: .new)
        let cycle = try compare(cycle: 1, window: CycleWindow(start: start, end: start.addingTimeInterval(10), label: "c1"))
        #expect(cycle.table.compared == 1)
        #expect(cycle.findings.map { "\($0.kind.rawValue) \($0.legacy ?? "-") \($0.new ?? "-")" } == ["value_mismatch 17.00 17.01"])
    }

    @Test("rows with the same image text match without decoding only where both sides read them alike")
    func identicalImages() throws {
        let store = try ParityStore.open(path: scratch.file("identical.sqlite"))
        let configuration = try ParityConfiguration.parse(yaml: """
            sources: { legacy: { dsn: "host=a" }, new: { dsn: "host=b" } }
            tables:
              - { name: plain, legacy: public.t, new: public.t, key: { legacy: [id], new: [id] }, columns: [{ legacy: s, new: s }] }
              - { name: mapped, legacy: public.u, new: public.u, key: { legacy: [id], new: [id] },
                  columns: [{ legacy: s, new: s, map: { A: active } }] }
            """, file: "test.yaml", environment: [:])
        for mapping in configuration.tables {
            for side in SourceSide.allCases {
                try store.insertBaseline(side: side, mapping: mapping.name, rows: [(key: ["1"], values: ["id": "1", "s": "A"])], lsn: 1)
            }
        }
        var outcomes: [String: MappingComparison.Outcome] = [:]
        _ = try store.closeCycle(id: 0, foldBefore: nil) { reader in
            for mapping in configuration.tables {
                var rounding = RoundingObservations()
                outcomes[mapping.name] = try MappingComparison(mapping: mapping, window: nil, everyRow: true, label: "c0", grace: .zero)
                    .run(reader, rounding: &rounding)
            }
            return CycleClose(
                cycle: CycleRecord(id: 0, label: "c0", start: 0, end: 0, status: .closed, closedAt: 1, keysCompared: 2,
                                   unexplainedRate: "0"),
                tables: [], findings: [], carried: [])
        }
        #expect(outcomes["plain"]?.table.matched == 1)
        #expect(outcomes["plain"]?.findings.isEmpty == true)
        // The legacy 'A' reads as 'active', so the same text on both sides is a mismatch.
        #expect(outcomes["mapped"]?.table.matched == 0)
        #expect(outcomes["mapped"]?.findings.map { "\($0.kind.rawValue) \($0.legacy ?? "-") \($0.new ?? "-")" } == ["value_mismatch A A"])
    }
}
