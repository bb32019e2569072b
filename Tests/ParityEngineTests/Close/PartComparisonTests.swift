import ExactNumeric
import Foundation
import ParityConfig
@testable import ParityEngine
import ParityModel
import Reconciliation
import Testing

/// The close tasks' results merged by the coordinator: what one comparison of every key would have found, in its order.
@Suite("Close tasks' results merged")
struct PartComparisonTests {
    let mapping: TableMapping

    init() throws {
        let configuration = try ParityConfiguration.parse(yaml: """
            sources: { legacy: { dsn: "host=a" }, new: { dsn: "host=b" } }
            tables:
              - name: orders
                legacy: public.orders
                new: sales.orders
                key: { legacy: [order_no], new: [id] }
                columns: [{ legacy: amount, new: total, type: decimal }, { legacy: status, new: state }]
            """, file: "test.yaml", environment: [:])
        mapping = try #require(configuration.tables.first)
    }

    private func finding(_ key: String, _ kind: FindingKind, column: String? = nil) -> Finding {
        var finding = Finding(mapping: "orders", key: ["order_no": key], column: column, newColumn: column.map { $0 == "amount" ? "total" : "state" },
                              kind: kind, legacy: "1", new: "2")
        finding.legacyChanges = [.update]
        return finding
    }

    private func statistics(compared: Int, matched: Int, mismatched: Int, largest: ExactDecimal?) -> MappingStatistics {
        MappingStatistics(mapping: "orders", compared: compared, matched: matched, paired: compared, columns: [
            ColumnStatistics(column: "amount", newColumn: "total", mismatched: mismatched, largestDifference: largest),
            ColumnStatistics(column: "status", newColumn: "state"),
        ])
    }

    @Test("findings, carried keys and verdicts come out in key byte order, a key's findings in their order; counts add up")
    func merged() throws {
        let first = PartComparison(mappings: [PartComparison.Mapping(
            name: "orders", statistics: statistics(compared: 3, matched: 1, mismatched: 1, largest: ExactDecimal("0.5")),
            findings: [finding("10", .missingInNew), finding("2", .valueMismatch, column: "amount")],
            carried: ["[\"4\"]"],
            verdicts: [.init(canonical: "[\"10\"]", findings: [finding("10", .missingInNew)]), .init(canonical: "[\"2\"]", findings: [])])],
            rounding: RoundingObservations())
        let second = PartComparison(mappings: [PartComparison.Mapping(
            name: "orders", statistics: statistics(compared: 2, matched: 0, mismatched: 1, largest: ExactDecimal("1.25")),
            findings: [finding("1", .valueMismatch, column: "status"), finding("1", .valueMismatch, column: "amount"), finding("3", .missingInLegacy)],
            carried: ["[\"0\"]"],
            verdicts: [.init(canonical: "[\"1\"]", findings: [finding("1", .valueMismatch, column: "status")])])],
            rounding: RoundingObservations())
        let parts = try [first, second].map { (part: PartComparison) in try PartComparison(text: part.text()) }
        #expect(parts == [first, second], "a result survives the store's text, trigger events and exact amounts included")

        let outcome = PartComparison.merge(parts, mapping: mapping)
        #expect(outcome.findings.map { "\($0.key["order_no"]!!) \($0.column ?? "-")" } == ["1 status", "1 amount", "10 -", "2 amount", "3 -"])
        #expect(outcome.carried.map { $0.canonicalKey } as [CanonicalKey] == ["[\"0\"]", "[\"4\"]"])
        #expect(outcome.verdicts.map { $0.canonical } as [CanonicalKey] == ["[\"1\"]", "[\"10\"]", "[\"2\"]"])
        #expect(outcome.statistics == statistics(compared: 5, matched: 1, mismatched: 2, largest: ExactDecimal("1.25")))
        #expect(outcome.table.findingsByKind == ["value_mismatch": 3, "missing_in_new": 1, "missing_in_legacy": 1])
        #expect(outcome.table.compared == 5 && outcome.table.matched == 1)
    }

    @Test("a mapping no task compared merges to nothing")
    func absent() {
        let outcome = PartComparison.merge([PartComparison(mappings: [], rounding: RoundingObservations())], mapping: mapping)
        #expect(outcome.findings.isEmpty && outcome.statistics.compared == 0)
    }
}
