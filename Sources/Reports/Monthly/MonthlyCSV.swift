import Reconciliation

/// The monthly groups as RFC 4180 CSV, one line per aggregate and group, amounts as exact decimal text.
enum MonthlyCSV {
    static func render(_ report: MonthlyReport) -> String {
        let kinds = MonthlyRenderer.bridgeKinds(report)
        let header = ["month", "aggregate", "table", "measure", "scope", "tolerance", "group", "legacy", "new", "difference"]
            + kinds.map { "bridge_\($0)" } + ["rounding_explained", "unexplained", "days_with_differences", "within_tolerance", "unexplained_by_kind"]
        return report.aggregates.reduce(into: Escaping.csvRecord(header)) { csv, aggregate in
            for group in aggregate.groups {
                csv += Escaping.csvRecord(
                    [report.month, aggregate.name, aggregate.table, aggregate.measure, aggregate.scope.rawValue, aggregate.tolerance,
                     group.groupText, group.legacy, group.new, group.difference]
                        + kinds.map { group.bridgeAmount($0) ?? "0" }
                        + [group.roundingExplained, group.unexplained, "\(group.daysWithDifferences)", group.withinTolerance ? "yes" : "no", group.unexplainedText])
            }
        }
    }
}
