import ParityModel
import Reconciliation

/// The monthly close report as one self-contained, print-friendly HTML page: inline CSS and SVG, no scripts, every value escaped.
enum MonthlyHTML {
    static func render(_ report: MonthlyReport) -> String {
        let title = "Parity monthly close — \(report.month)"
        return HTMLTable.page(title: title, style: MonthlyStyle.css, body: [ReportTemplates.render(view(report, title: title), "monthly")])
    }

    /// What the `monthly` template reads.
    private struct View {
        struct Aggregate {
            struct Chart {
                let caption: String?
                let svg: String
            }

            let name: String
            let description: String
            let charts: [Chart]
            let groups: String
        }

        struct Day {
            let label: String
            let status: String
        }

        struct Signature {
            let role: String
            let name: String
            let date: String
        }

        let title: String
        let month: String
        let generatedLocal: String
        let generatedUTC: String
        let summary: String
        let aggregates: [Aggregate]
        let openDifferences: String
        let rounding: String
        let categories: String
        let cycles: [Day]
        /// Nil when the month has no business day (the template then says none).
        let cyclesSummary: String?
        let signOffSummary: String
        let signatures: [Signature]
    }

    private static func view(_ report: MonthlyReport, title: String) -> View {
        let kinds = MonthlyRenderer.bridgeKinds(report)
        let irregular = report.cycles.filter { $0.status != .closed }
        let exceeded = report.aggregates.reduce(0) { $0 + $1.groups.count { !$0.withinTolerance } }
        let undecided = report.categories.count { $0.disposition == nil }
        let signOff = report.signOff
        return View(
            title: title, month: report.month, generatedLocal: StoreTime.local(report.generatedAt, zone: report.timeZone),
            generatedUTC: StoreTime.iso(report.generatedAt), summary: summary(report),
            aggregates: report.aggregates.map { aggregate($0, kinds: kinds) },
            openDifferences: HTMLTable.render(MonthlyRenderer.openDifferenceColumns, report.openDifferences.map {
                MonthlyRenderer.openDifferenceCells($0).map { HTMLTable.Cell($0) }
            }),
            rounding: HTMLTable.render(["table", "column", "legacy behaves as", "new behaves as", "evidence"], report.rounding.map {
                [HTMLTable.Cell($0.table), HTMLTable.Cell($0.column), HTMLTable.Cell(Humanized.words($0.legacyMode), class: "mode"),
                 HTMLTable.Cell(Humanized.words($0.newMode), class: $0.newMode == $0.legacyMode ? "mode" : "mode warn"), HTMLTable.Cell($0.evidence)]
            }),
            categories: HTMLTable.render(["table", "column", "kind", "findings", "disposition", "note"], report.categories.map {
                [HTMLTable.Cell($0.table), HTMLTable.Cell($0.column ?? "—"), HTMLTable.Cell(Humanized.words($0.kind.rawValue)),
                 HTMLTable.Cell(Humanized.amount("\($0.findings)"), class: "num"),
                 $0.disposition.map { HTMLTable.Cell(Humanized.words($0.rawValue)) } ?? HTMLTable.Cell("undispositioned", class: "bad"), HTMLTable.Cell($0.note ?? "")]
            }),
            cycles: report.cycles.map { View.Day(label: $0.label, status: $0.status.rawValue) },
            cyclesSummary: report.cycles.isEmpty ? nil : "\(report.cycles.count - irregular.count) of \(report.cycles.count) business days closed normally"
                + (irregular.isEmpty ? "." : "; " + irregular.map { "\($0.label) \($0.status.rawValue)" }.joined(separator: ", ") + "."),
            signOffSummary: "\(report.aggregates.count) aggregates, "
                + (exceeded == 0 ? "every group within tolerance" : "\(exceeded) group\(exceeded == 1 ? "" : "s") over tolerance")
                + "; \(undecided) finding categor\(undecided == 1 ? "y" : "ies") without a disposition.",
            signatures: [
                View.Signature(role: "Prepared by", name: signOff.preparedBy ?? "",
                               date: signOff.preparedAt.map { StoreTime.local($0, zone: report.timeZone) } ?? ""),
                View.Signature(role: "Reviewed by", name: signOff.reviewedBy ?? "", date: ""),
            ])
    }

    /// An aggregate's section: what it computes, a drift chart per unit, and its groups.
    private static func aggregate(_ aggregate: MonthlyAggregate, kinds: [DifferenceCause]) -> View.Aggregate {
        let used = kinds.filter { kind in aggregate.groups.contains { $0.bridgeAmount(kind) != nil } }
        return View.Aggregate(
            name: aggregate.name, description: MonthlyRenderer.description(aggregate),
            charts: aggregate.driftSeries.map { series in
                View.Aggregate.Chart(
                    caption: aggregate.unit.map { "\($0) \(series.unit ?? "NULL")" },
                    svg: DriftChart.svg(aggregate, unit: series.unit, daily: series.daily))
            },
            groups: HTMLTable.render(
                ["group", "legacy", "new", "difference"] + used.map { "bridge: \(Humanized.words($0.rawValue))" }
                    + ["unexplained", "of which", "days", "tolerance"],
                aggregate.groups.map { group in
                    [HTMLTable.Cell(group.groupText), amount(group.legacy), amount(group.new), amount(group.difference)]
                        + used.map { amount(group.bridgeAmount($0) ?? "0") }
                        + [amount(group.unexplained, flag: group.unexplained), HTMLTable.Cell(MonthlyRenderer.unexplainedWords(group)),
                           HTMLTable.Cell("\(group.daysWithDifferences)", class: "num"),
                           group.withinTolerance ? HTMLTable.Cell("within", class: "ok") : HTMLTable.Cell("EXCEEDED", class: "bad")]
                }, class: "groups"))
    }

    /// One line per aggregate: groups within tolerance and the total unexplained amount.
    private static func summary(_ report: MonthlyReport) -> String {
        HTMLTable.render(["aggregate", "groups", "within tolerance", "unexplained (sum)"], report.aggregates.map { aggregate in
            let within = aggregate.groups.count { $0.withinTolerance }
            let unexplained = MonthlyRenderer.unexplainedTotal(aggregate)
            return [HTMLTable.Cell(aggregate.name), HTMLTable.Cell("\(aggregate.groups.count)", class: "num"),
                    HTMLTable.Cell("\(within) of \(aggregate.groups.count)", class: within == aggregate.groups.count ? "ok" : "bad"),
                    amount(unexplained, flag: unexplained)]
        }, class: "summary")
    }

    /// A right-aligned amount cell grouped by thousands, highlighted when `flag` is a nonzero amount.
    private static func amount(_ text: String, flag: String? = nil) -> HTMLTable.Cell {
        let nonzero = flag.map { $0.contains { "123456789".contains($0) } } ?? false
        return HTMLTable.Cell(Humanized.amount(text), class: nonzero ? "num bad" : "num")
    }
}
