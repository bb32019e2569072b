import Reconciliation

extension EndOfDayHTML {
    /// The column statistics (one table per mapping, every column) and the noise suggestions; nothing when no cycle
    /// recorded statistics.
    static func statisticsSections(_ report: EndOfDayReport) -> [String] {
        guard !report.columnStatistics.isEmpty else { return [] }
        var body: [String] = []
        for line in report.columnStatistics {
            let cumulative = line.cumulative
            let heading = "Column statistics: \(line.table) — "
                + (line.cycle.map { "this cycle \(EndOfDayRenderer.counts($0))" } ?? "not compared this cycle")
                + "; over \(cumulative.cycles) cycle\(cumulative.cycles == 1 ? "" : "s") \(EndOfDayRenderer.counts(cumulative))"
            body += section(
                heading,
                ["column", "new column", "mismatched", "share", "within tolerance", "largest difference",
                 "cumulative mismatched", "share", "within tolerance", "largest difference"],
                EndOfDayRenderer.statisticsCells(line).map { [$0.column.column, $0.column.newColumn] + $0.cells })
        }
        guard !report.noiseSuggestions.isEmpty else { return body }
        body += section(
            "Noise suggestions (never applied: paste into the table's mapping to apply)",
            ["table", "column", "cycles", "lowest share", "to ignore it (and remove its columns entry)", "or to tolerate it"],
            report.noiseSuggestions.map {
                [$0.table, $0.column, $0.cycles.map(String.init).joined(separator: ", "), $0.lowestShare, $0.ignore, $0.tolerance ?? "-"]
            })
        return body
    }
}
