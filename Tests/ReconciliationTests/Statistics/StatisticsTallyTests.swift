import ExactNumeric
import ParityConfig
import ParityModel
import Testing
@testable import Reconciliation

@Suite struct StatisticsTallyTests {
    private let mapping = TableMapping(
        name: "orders", legacy: QualifiedName(name: "orders"), new: QualifiedName(schema: "sales", name: "purchase_order"),
        key: KeyMapping(legacy: ["order_no"], new: ["id"]),
        columns: [
            ColumnMapping(legacy: "status", new: "state", map: ["O": "open"]),
            ColumnMapping(legacy: "amount", new: "total", type: .decimal, tolerance: .amount("0.05")),
            ColumnMapping(legacy: "placed_at", new: "placed_at", type: .timestamptz, legacyTimezone: "America/Vancouver"),
        ])

    private func row(_ id: String, _ status: String?, _ amount: String?, _ placed: String?) -> RowImage {
        ["order_no": id, "status": status, "amount": amount, "placed_at": placed]
    }

    private func newRow(_ id: String, _ state: String?, _ total: String?, _ placed: String?) -> RowImage {
        ["id": id, "state": state, "total": total, "placed_at": placed]
    }

    /// Compares each pair as a close does (carried keys aside) and returns the tally's statistics.
    private func tally(_ pairs: [(RowImage?, RowImage?)]) -> MappingStatistics {
        let comparer = RowComparer(mapping: mapping)
        var tally = StatisticsTally(comparer: comparer)
        for (legacy, new) in pairs {
            tally.count(paired: legacy != nil && new != nil, findings: comparer.compare(legacy: legacy, new: new))
        }
        return tally.statistics
    }

    @Test func countsRowsAndEachColumnsDifferences() throws {
        let statistics = tally([
            (row("1", "O", "10.00", "2026-11-20 10:00:00"), newRow("1", "open", "10.0", "2026-11-20 18:00:00+00")),  // equal
            (row("2", "O", "10.00", nil), newRow("2", "paid", "10.04", nil)),  // status differs, amount within tolerance
            (row("3", "O", "10.00", "2026-11-20 10:00:00"), newRow("3", "open", "9.75", "2026-11-20 18:00:01.5+00")),
            (row("4", "O", "-3.5", "2026-11-20 10:00:00"), newRow("4", "open", "-3.0", "2026-11-20 17:59:58+00")),
            (row("5", "O", "1", nil), nil),  // missing in new: not paired
            (nil, nil),  // gone on both sides: equal, not paired
        ])
        #expect(statistics.compared == 6 && statistics.matched == 2 && statistics.paired == 4)
        let status = statistics.columns[0]
        #expect(status.column == "status" && status.newColumn == "state")
        #expect(status.mismatched == 1 && status.withinTolerance == 0 && status.largestDifference == nil)
        let amount = statistics.columns[1]
        #expect(amount.mismatched == 2 && amount.withinTolerance == 1)
        #expect(amount.largestDifference?.description == "0.5")  // -3.5 against -3.0
        let placed = statistics.columns[2]
        #expect(placed.mismatched == 2 && placed.largestDifference == ExactDecimal("2.000000"))
        #expect(statistics.mismatchShare(amount) == "0.500000" && statistics.mismatchShare(status) == "0.250000")
    }

    @Test func carriedKeysCountAsComparedOnly() {
        var tally = StatisticsTally(comparer: RowComparer(mapping: mapping))
        tally.countCarried()
        #expect(tally.statistics.compared == 1 && tally.statistics.matched == 0 && tally.statistics.paired == 0)
    }

    @Test func sumsOverCyclesKeepTheLargestDifferenceAndEveryColumn() throws {
        let first = MappingStatistics(mapping: "orders", compared: 10, matched: 8, paired: 9, columns: [
            ColumnStatistics(column: "amount", newColumn: "total", mismatched: 2, largestDifference: ExactDecimal("0.30")),
            ColumnStatistics(column: "old", newColumn: "old", mismatched: 1),
        ])
        let second = MappingStatistics(mapping: "orders", compared: 5, matched: 4, paired: 5, columns: [
            ColumnStatistics(column: "amount", newColumn: "total", mismatched: 1, withinTolerance: 2, largestDifference: ExactDecimal("0.1")),
        ])
        let sum = first.adding(second)
        #expect(sum.cycles == 2 && sum.compared == 15 && sum.matched == 12 && sum.paired == 14)
        #expect(sum.columns.map(\.column) == ["amount", "old"])
        #expect(sum.columns[0].mismatched == 3 && sum.columns[0].withinTolerance == 2)
        #expect(sum.columns[0].largestDifference?.description == "0.30")
        #expect(sum.mismatchShare(sum.columns[0]) == "0.214286")
    }
}
