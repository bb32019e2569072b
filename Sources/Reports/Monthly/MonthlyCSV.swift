import Reconciliation

/// The monthly groups as RFC 4180 CSV, one line per aggregate and group, amounts as exact decimal text. Besides the
/// packed `group` cell, each group-by column of any aggregate has a column of its own at the end (`group_currency`),
/// empty where that aggregate is not grouped by it, so a spreadsheet filters and pivots on it.
enum MonthlyCSV {
    static func render(_ report: MonthlyReport) -> String {
        let kinds = MonthlyRenderer.bridgeKinds(report)
        let keys = groupKeys(report)
        let header = ["month", "aggregate", "table", "measure", "scope", "tolerance", "group", "legacy", "new", "difference"]
            + kinds.map { "bridge_\($0.rawValue)" } + ["rounding_explained", "unexplained", "days_with_differences", "within_tolerance", "unexplained_by_kind"]
            + keys.map { "group_\($0)" }
        return report.aggregates.reduce(into: Escaping.csvRecord(header)) { csv, aggregate in
            for group in aggregate.groups {
                let values = keys.map { key in group.group.first { $0.name == key }.map { $0.value ?? "NULL" } ?? "" }
                csv += Escaping.csvRecord(
                    [report.month, aggregate.name, aggregate.table, aggregate.measure, aggregate.scope.rawValue, aggregate.tolerance,
                     group.groupText, group.legacy, group.new, group.difference]
                        + kinds.map { group.bridgeAmount($0) ?? "0" }
                        + [group.roundingExplained, group.unexplained, "\(group.daysWithDifferences)", group.withinTolerance ? "yes" : "no", group.unexplainedText]
                        + values)
            }
        }
    }

    /// Every group-by column name of the report's aggregates, in first-seen order.
    private static func groupKeys(_ report: MonthlyReport) -> [String] {
        var seen: Set<String> = []
        return report.aggregates.flatMap { $0.groups.flatMap { $0.group.map(\.name) } }.filter { seen.insert($0).inserted }
    }
}
