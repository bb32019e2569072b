import Reconciliation

/// The monthly close report as one self-contained, print-friendly HTML page: inline CSS and SVG, no scripts, every value escaped.
enum MonthlyHTML {
    static func render(_ report: MonthlyReport) -> String {
        let title = "Parity monthly close — \(report.month)"
        let kinds = MonthlyRenderer.bridgeKinds(report)
        var body = [
            "<h1>\(Escaping.html(title))</h1>",
            "<p class=\"meta\">Generated \(Escaping.html(StoreTime.local(report.generatedAt, zone: report.timeZone))) "
                + "(\(Escaping.html(StoreTime.iso(report.generatedAt)))). Amounts are exact; "
                + "difference = new − legacy = bridge (explained by findings) + unexplained.</p>",
            summary(report),
        ]
        for aggregate in report.aggregates {
            let used = kinds.filter { kind in aggregate.groups.contains { $0.bridgeAmount(kind) != nil } }
            body += [
                "<section class=\"aggregate\">",
                "<h2>\(Escaping.html(aggregate.name))</h2>",
                "<p class=\"meta\">\(Escaping.html(MonthlyRenderer.description(aggregate)))</p>",
            ]
            body += aggregate.driftSeries.map { series in
                let caption = aggregate.unit == nil ? "" : "<figcaption>\(Escaping.html(aggregate.unit!)) \(Escaping.html(series.unit ?? "NULL"))</figcaption>"
                return "<figure>\(caption)\(DriftChart.svg(aggregate, unit: series.unit, daily: series.daily))</figure>"
            }
            body += [
                HTMLTable.render(
                    ["group", "legacy", "new", "difference"] + used.map { "bridge: \(Humanized.words($0))" }
                        + ["unexplained", "of which", "days", "tolerance"],
                    aggregate.groups.map { group in
                        [HTMLTable.Cell(group.groupText), amount(group.legacy), amount(group.new), amount(group.difference)]
                            + used.map { amount(group.bridgeAmount($0) ?? "0") }
                            + [amount(group.unexplained, flag: group.unexplained), HTMLTable.Cell(MonthlyRenderer.unexplainedWords(group)),
                               HTMLTable.Cell("\(group.daysWithDifferences)", class: "num"),
                               group.withinTolerance ? HTMLTable.Cell("within", class: "ok") : HTMLTable.Cell("EXCEEDED", class: "bad")]
                    }, class: "groups"),
                "</section>",
            ]
        }
        body += [
            "<h2>Unexplained open differences on rows dated in the month</h2>",
            HTMLTable.render(MonthlyRenderer.openDifferenceColumns, report.openDifferences.map {
                MonthlyRenderer.openDifferenceCells($0).map { HTMLTable.Cell($0) }
            }),
            "<h2>Rounding modes</h2>",
            HTMLTable.render(["table", "column", "legacy behaves as", "new behaves as", "evidence"], report.rounding.map {
                [HTMLTable.Cell($0.table), HTMLTable.Cell($0.column), HTMLTable.Cell(Humanized.words($0.legacyMode), class: "mode"),
                 HTMLTable.Cell(Humanized.words($0.newMode), class: $0.newMode == $0.legacyMode ? "mode" : "mode warn"), HTMLTable.Cell($0.evidence)]
            }),
            "<h2>Finding categories</h2>",
            HTMLTable.render(["table", "column", "kind", "findings", "disposition", "note"], report.categories.map {
                [HTMLTable.Cell($0.table), HTMLTable.Cell($0.column ?? "—"), HTMLTable.Cell(Humanized.words($0.kind)),
                 HTMLTable.Cell(Humanized.amount("\($0.findings)"), class: "num"),
                 $0.disposition.map { HTMLTable.Cell(Humanized.words($0)) } ?? HTMLTable.Cell("undispositioned", class: "bad"), HTMLTable.Cell($0.note ?? "")]
            }),
            "<h2>Cycles</h2>",
            cycles(report.cycles),
            signOff(report),
        ]
        return HTMLTable.page(title: title, style: MonthlyStyle.css, body: body)
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

    /// The month's business days as a strip of cells; forced and missing ones stand out.
    private static func cycles(_ days: [MonthlyReport.CycleDay]) -> String {
        guard !days.isEmpty else { return "<p class=\"none\">none</p>" }
        let irregular = days.filter { $0.status != .closed }
        let cells = days.map { "<li class=\"\($0.status.rawValue)\">\(Escaping.html($0.label))<br><small>\($0.status.rawValue)</small></li>" }
        return "<p>\(days.count - irregular.count) of \(days.count) business days closed normally"
            + (irregular.isEmpty ? "." : "; " + irregular.map { Escaping.html("\($0.label) \($0.status.rawValue)") }.joined(separator: ", ") + ".")
            + "</p>\n<ul class=\"cycles\">" + cells.joined() + "</ul>"
    }

    /// Prepared and reviewed lines under the month they sign for, kept on one printed page with the month's summary line;
    /// a missing name leaves a line to sign.
    private static func signOff(_ report: MonthlyReport) -> String {
        let signOff = report.signOff
        let line = { (role: String, name: String?, date: String?) in
            "<div class=\"sign\"><span class=\"role\">\(role)</span><span class=\"line\">\(Escaping.html(name ?? ""))</span>"
                + "<span class=\"role\">date</span><span class=\"line\">\(Escaping.html(date ?? ""))</span></div>"
        }
        let exceeded = report.aggregates.reduce(0) { $0 + $1.groups.count { !$0.withinTolerance } }
        let undecided = report.categories.count { $0.disposition == nil }
        return "<section class=\"signoff\"><h2>Sign-off — monthly close \(Escaping.html(report.month))</h2>"
            + "<p class=\"meta\">\(report.aggregates.count) aggregates, "
            + (exceeded == 0 ? "every group within tolerance" : "\(exceeded) group\(exceeded == 1 ? "" : "s") over tolerance")
            + "; \(undecided) finding categor\(undecided == 1 ? "y" : "ies") without a disposition.</p>"
            + line("Prepared by", signOff.preparedBy, signOff.preparedAt.map { StoreTime.local($0, zone: report.timeZone) })
            + line("Reviewed by", signOff.reviewedBy, nil) + "</section>"
    }
}
