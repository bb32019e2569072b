import ParityModel
import Reconciliation

/// The monthly close report as plain text for a terminal.
enum MonthlyText {
    static func render(_ report: MonthlyReport) -> String {
        var lines = ["monthly close \(report.month)  generated \(StoreTime.local(report.generatedAt, zone: report.timeZone))"]
        let kinds = MonthlyRenderer.bridgeKinds(report)
        for aggregate in report.aggregates {
            lines += ["", "\(aggregate.name): \(MonthlyRenderer.description(aggregate))",
                      "  unexplained (sum): \(MonthlyRenderer.unexplainedTotal(aggregate))"]
            let used = kinds.filter { kind in aggregate.groups.contains { $0.bridgeAmount(kind) != nil } }
            let header = ["group", "legacy", "new", "difference"] + used.map { Humanized.words($0.rawValue) } + ["unexplained", "days", "tolerance"]
            let rows = aggregate.groups.map { group in
                ([group.legacy, group.new, group.difference] + used.map { group.bridgeAmount($0) ?? "0" } + [group.unexplained])
                    .map(Humanized.amount).reduce(into: [group.groupText]) { $0.append($1) }
                    + ["\(group.daysWithDifferences)", group.withinTolerance ? "within" : "EXCEEDED"]
            }
            lines += aggregate.groups.isEmpty ? ["  no group"] : TextColumns.lines([header] + rows, indent: "  ", rightAligned: Set(1..<header.count - 1))
        }
        if !report.openDifferences.isEmpty {
            lines += ["", "unexplained open differences on rows dated in \(report.month) (parity report open lists them all):"]
            lines += TextColumns.lines(
                [MonthlyRenderer.openDifferenceColumns] + report.openDifferences.map(MonthlyRenderer.openDifferenceCells), indent: "  ")
        }
        if !report.rounding.isEmpty {
            lines += ["", "rounding modes:"]
            lines += TextColumns.lines(
                [["table", "column", "legacy", "new", "evidence"]]
                    + report.rounding.map { [$0.table, $0.column, Humanized.words($0.legacyMode), Humanized.words($0.newMode), $0.evidence] },
                indent: "  ")
        }
        if !report.categories.isEmpty {
            lines += ["", "finding categories:"]
            lines += TextColumns.lines(
                [["table", "column", "kind", "findings", "disposition", "note"]]
                    + report.categories.map {
                        [$0.table, $0.column ?? "-", Humanized.words($0.kind.rawValue), Humanized.amount("\($0.findings)"),
                         $0.disposition.map { Humanized.words($0.rawValue) } ?? "NONE", $0.note ?? ""]
                    }, indent: "  ")
        }
        let irregular = report.cycles.filter { $0.status != .closed }
        lines += ["", "cycles: \(report.cycles.count - irregular.count) of \(report.cycles.count) closed"
            + irregular.map { "; \($0.label) \($0.status.rawValue)" }.joined()]
        let signOff = report.signOff
        lines += [
            "", "sign-off, monthly close \(report.month):",
            "prepared by \(signOff.preparedBy ?? "________________")"
                + (signOff.preparedAt.map { " at \(StoreTime.local($0, zone: report.timeZone))" } ?? ""),
            "reviewed by \(signOff.reviewedBy ?? "________________")",
        ]
        return Escaping.lines(lines)
    }
}
