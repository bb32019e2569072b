import ExactNumeric
import ParityConfig
import ParityModel
import Testing
@testable import Reconciliation

@Suite struct NoiseRuleTests {
    private let mapping = TableMapping(
        name: "orders", legacy: QualifiedName(name: "orders"), new: QualifiedName(name: "orders"),
        key: KeyMapping(legacy: ["id"], new: ["id"]),
        columns: [
            ColumnMapping(legacy: "status", new: "status"),
            ColumnMapping(legacy: "stamped_at", new: "stamped at", type: .timestamptz),
            ColumnMapping(legacy: "amount", new: "amount", type: .decimal),
        ],
        ignore: IgnoredColumns(legacy: ["row_version"], new: []))

    /// One cycle's statistics: `paired` rows, of which status differs on `status`, stamped_at on `stamped`, amount on `amount`.
    private func cycle(
        _ id: Int64, paired: Int, status: Int = 0, stamped: Int, amount: Int = 0, late: String = "0.004271", off: String = "0.25"
    ) -> (cycle: Int64, statistics: MappingStatistics) {
        (id, MappingStatistics(mapping: "orders", compared: paired, matched: 0, paired: paired, columns: [
            ColumnStatistics(column: "status", newColumn: "status", mismatched: status),
            ColumnStatistics(column: "stamped_at", newColumn: "stamped at", mismatched: stamped, largestDifference: ExactDecimal(late)),
            ColumnStatistics(column: "amount", newColumn: "amount", mismatched: amount, largestDifference: amount > 0 ? ExactDecimal(off) : nil),
        ]))
    }

    @Test func threeCyclesOfNearlyEveryRowDifferingMakeASuggestionTwoDoNot() throws {
        let two = [cycle(1, paired: 20, stamped: 20), cycle(2, paired: 20, stamped: 19)]
        #expect(NoiseRule.suggestions(for: mapping, history: two).isEmpty)
        let three = two + [cycle(3, paired: 12, stamped: 12, late: "1.2005")]
        let suggestions = NoiseRule.suggestions(for: mapping, history: three)
        let suggestion = try #require(suggestions.first)
        #expect(suggestions.count == 1)
        #expect(suggestion.column == "stamped_at" && suggestion.newColumn == "stamped at" && suggestion.cycles == [1, 2, 3])
        #expect(suggestion.lowestShare == "0.950000")
        #expect(suggestion.ignore == #"ignore: { legacy: [row_version, stamped_at], new: ["stamped at"] }"#)
        #expect(suggestion.tolerance == "tolerance: 1s201ms")
    }

    @Test func aCycleBelowTheShareBreaksTheRunAndQuietCyclesAreSkipped() {
        let broken = [cycle(1, paired: 20, stamped: 20), cycle(2, paired: 20, stamped: 18), cycle(3, paired: 20, stamped: 20),
                      cycle(4, paired: 20, stamped: 20)]
        #expect(NoiseRule.suggestions(for: mapping, history: broken).isEmpty)  // 18 of 20 is 90%
        let quiet = broken + [cycle(5, paired: 9, stamped: 0), cycle(6, paired: 0, stamped: 0), cycle(7, paired: 10, stamped: 10)]
        #expect(NoiseRule.suggestions(for: mapping, history: quiet).map(\.cycles) == [[3, 4, 7]])
    }

    @Test func numbersGetAnAmountToleranceAndUnmappedColumnsNoSuggestion() {
        let history = (1...3).map { cycle(Int64($0), paired: 10, stamped: 0, amount: 10, off: $0 == 2 ? "0.50" : "0.25") }
        let suggestions = NoiseRule.suggestions(for: mapping, history: history)
        #expect(suggestions.map(\.column) == ["amount"])
        #expect(suggestions.first?.tolerance == #"tolerance: "0.50""#)
        var ignored = mapping
        ignored.columns.removeLast()
        #expect(NoiseRule.suggestions(for: ignored, history: history).isEmpty)
    }

    @Test func textColumnsGetNoTolerance() {
        let history = (1...3).map { cycle(Int64($0), paired: 10, status: 10, stamped: 0) }
        let suggestions = NoiseRule.suggestions(for: mapping, history: history)
        #expect(suggestions.map(\.column) == ["status"] && suggestions.first?.tolerance == nil)
    }
}
