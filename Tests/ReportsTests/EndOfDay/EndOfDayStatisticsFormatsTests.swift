import ExactNumeric
import Foundation
import ParityModel
import Reconciliation
import Reports
import Testing

@Suite("End-of-day column statistics and noise suggestions in text, JSON and HTML")
struct EndOfDayStatisticsFormatsTests {
    private func report() -> EndOfDayReport {
        var report = EndOfDayReport(
            id: 5, label: "2026-11-20", start: Date(timeIntervalSince1970: 0), end: Date(timeIntervalSince1970: 86_400),
            status: .closed, tables: [], findings: [], findingsTotal: 0, carriedKeys: [], unexplainedRate: "0.000000")
        let cycle = MappingStatistics(mapping: "orders", compared: 13, matched: 0, paired: 12, columns: [
            ColumnStatistics(column: "status", newColumn: "state"),
            ColumnStatistics(column: "amount", newColumn: "total", mismatched: 1, withinTolerance: 2, largestDifference: ExactDecimal("0.07")),
            ColumnStatistics(column: "stamped_at", newColumn: "stamped_at", mismatched: 12, largestDifference: ExactDecimal("0.004102")),
        ])
        var earlier = cycle
        earlier.columns[2] = ColumnStatistics(column: "stamped_at", newColumn: "stamped_at", mismatched: 12, largestDifference: ExactDecimal("0.006815"))
        earlier.columns.append(ColumnStatistics(column: "<old>", newColumn: "<old>", mismatched: 3))
        report.columnStatistics = [
            .init(table: "orders", cycle: cycle, cumulative: earlier.adding(cycle)),
            .init(table: "lines", cycle: nil, cumulative: MappingStatistics(mapping: "lines", compared: 4, matched: 4, paired: 4, columns: [
                ColumnStatistics(column: "qty", newColumn: "qty"),
            ])),
        ]
        report.noiseSuggestions = [NoiseSuggestion(
            table: "orders", column: "stamped_at", newColumn: "stamped_at", cycles: [3, 4, 5], lowestShare: "1.000000",
            ignore: "ignore: { legacy: [stamped_at], new: [stamped_at] }", tolerance: "tolerance: 7ms")]
        return report
    }

    @Test("text lists the columns that differed, with the cycle's and the cumulative counts, then the suggestion to paste")
    func text() {
        let text = EndOfDayRenderer.render(report(), format: .text)
        #expect(text.contains("  orders  13 compared, 0 equal, 12 on both sides; over 2 cycles: 26 compared, 0 equal, 24 on both sides"), "\(text)")
        #expect(text.contains("    amount → total  1           0.083333  2                 0.07                2"), "\(text)")
        #expect(text.contains("    <old>           -           -         -                 -                   3"), "\(text)")
        #expect(text.contains("    1 other column equal on every row") && !text.contains("status  "), "\(text)")
        #expect(text.contains("  lines  not compared this cycle; over 1 cycle: 4 compared, 4 equal, 4 on both sides"), "\(text)")
        #expect(text.contains("in each of cycles 3, 4, 5"), "\(text)")
        #expect(text.contains("write  ignore: { legacy: [stamped_at], new: [stamped_at] }") && text.contains("add to its entry  tolerance: 7ms"))
    }

    @Test("JSON: every column with its share and exact largest difference; the suggestion's lines")
    func json() throws {
        let json = EndOfDayRenderer.render(report(), format: .json)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let statistics = try #require(object["column_statistics"] as? [[String: Any]])
        #expect(statistics.count == 2)
        let cycle = try #require(statistics[0]["cycle"] as? [String: Any])
        let columns = try #require(cycle["columns"] as? [[String: Any]])
        #expect(columns.count == 3 && cycle["paired"] as? Int == 12 && cycle["cycles"] as? Int == 1)
        #expect(columns[1]["new_column"] as? String == "total" && columns[1]["largest_difference"] as? String == "0.07")
        #expect(columns[1]["mismatch_share"] as? String == "0.083333" && columns[1]["within_tolerance"] as? Int == 2)
        #expect(columns[0]["largest_difference"] is NSNull)
        #expect(statistics[1]["cycle"] is NSNull)
        let cumulative = try #require(statistics[0]["cumulative"] as? [String: Any])
        let stamped = try #require((cumulative["columns"] as? [[String: Any]])?.first { $0["column"] as? String == "stamped_at" })
        #expect(stamped["largest_difference"] as? String == "0.006815" && stamped["mismatched"] as? Int == 24)
        let noise = try #require((object["noise_suggestions"] as? [[String: Any]])?.first)
        #expect(noise["cycles"] as? [Int] == [3, 4, 5] && noise["tolerance"] as? String == "tolerance: 7ms")
        #expect(noise["ignore"] as? String == "ignore: { legacy: [stamped_at], new: [stamped_at] }")
    }

    @Test("HTML: a table per mapping with every column, escaped, and the suggestions")
    func html() {
        let html = EndOfDayRenderer.render(report(), format: .html)
        #expect(html.contains("Column statistics: orders — this cycle 13 compared, 0 equal, 12 on both sides"), "\(html)")
        #expect(html.contains("<td>&lt;old&gt;</td>") && !html.contains("<old>"))
        #expect(html.contains("<td>status</td><td>state</td><td>0</td><td>0.000000</td>"), "\(html)")
        #expect(html.contains("Noise suggestions") && html.contains("<td>tolerance: 7ms</td>"))
    }
}
