import Reconciliation

extension EndOfDayText {
    /// Per mapping its counts and the columns that differed on some row (in the cycle or cumulatively), then the
    /// noise suggestions; nothing when no cycle recorded statistics.
    static func statisticsLines(_ report: EndOfDayReport) -> [String] {
        guard !report.columnStatistics.isEmpty else { return [] }
        var lines = ["", "column statistics (this cycle; cumulative):"]
        for line in report.columnStatistics {
            let cumulative = line.cumulative
            lines.append("  \(line.table)  " + (line.cycle.map(EndOfDayRenderer.counts) ?? "not compared this cycle")
                + "; over \(cumulative.cycles) cycle\(cumulative.cycles == 1 ? "" : "s"): \(EndOfDayRenderer.counts(cumulative))")
            let differing = EndOfDayRenderer.statisticsCells(line).filter { $0.column.mismatched > 0 || $0.column.withinTolerance > 0 }
            if !differing.isEmpty {
                let header = ["column", "mismatched", "share", "within tolerance", "largest difference",
                              "cumulative mismatched", "share", "within tolerance", "largest difference"]
                lines += TextColumns.lines([header] + differing.map { row in
                    [row.column.column + (row.column.newColumn == row.column.column ? "" : " → \(row.column.newColumn)")] + row.cells
                }, indent: "    ")
            }
            let equal = cumulative.columns.count - differing.count
            if equal > 0 { lines.append("    \(equal) other column\(equal == 1 ? "" : "s") equal on every row") }
        }
        guard !report.noiseSuggestions.isEmpty else { return lines }
        lines += ["", "noise suggestions (never applied; paste into the config to apply):"]
        for noise in report.noiseSuggestions {
            lines.append("  \(noise.table).\(noise.column) differed on a share of at least \(noise.lowestShare) of the rows on both sides"
                + " in each of cycles \(noise.cycles.map(String.init).joined(separator: ", "))")
            lines.append("    ignore it: remove its entry from the columns of tables[\(noise.table)] and write  \(noise.ignore)")
            if let tolerance = noise.tolerance { lines.append("    or tolerate it: add to its entry  \(tolerance)") }
        }
        return lines
    }
}
