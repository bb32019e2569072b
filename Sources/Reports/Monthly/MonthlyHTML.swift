import Reconciliation

/// The monthly close report as one self-contained, print-friendly HTML page: inline CSS and SVG, no scripts, every value escaped.
enum MonthlyHTML {
    static func render(_ report: MonthlyReport) -> String {
        let title = "Parity monthly close — \(report.month)"
        let kinds = MonthlyRenderer.bridgeKinds(report)
        var body = [
            "<h1>\(Escaping.html(title))</h1>",
            "<p class=\"meta\">Generated \(Escaping.html(StoreTime.iso(report.generatedAt))). Amounts are exact; "
                + "difference = new − legacy = bridge (explained by findings) + unexplained.</p>",
            summary(report),
        ]
        for aggregate in report.aggregates {
            let used = kinds.filter { kind in aggregate.groups.contains { $0.bridgeAmount(kind) != nil } }
            body += [
                "<section class=\"aggregate\">",
                "<h2>\(Escaping.html(aggregate.name))</h2>",
                "<p class=\"meta\">\(Escaping.html(aggregate.measure)) over <b>\(Escaping.html(aggregate.table))</b>, "
                    + "\(Escaping.html(aggregate.scope.rawValue)), tolerance \(Escaping.html(aggregate.tolerance))</p>",
                "<figure>\(DriftChart.svg(aggregate))</figure>",
                HTMLTable.render(
                    ["group", "legacy", "new", "difference"] + used.map { "bridge: \($0)" } + ["unexplained", "of which", "days", "tolerance"],
                    aggregate.groups.map { group in
                        [HTMLTable.Cell(group.groupText), amount(group.legacy), amount(group.new), amount(group.difference)]
                            + used.map { amount(group.bridgeAmount($0) ?? "0") }
                            + [amount(group.unexplained, flag: group.unexplained), HTMLTable.Cell(group.unexplainedText),
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
                [HTMLTable.Cell($0.table), HTMLTable.Cell($0.column), HTMLTable.Cell($0.legacyMode, class: "mode"),
                 HTMLTable.Cell($0.newMode, class: $0.newMode == $0.legacyMode ? "mode" : "mode warn"), HTMLTable.Cell($0.evidence)]
            }),
            "<h2>Finding categories</h2>",
            HTMLTable.render(["table", "column", "kind", "findings", "disposition", "note"], report.categories.map {
                [HTMLTable.Cell($0.table), HTMLTable.Cell($0.column ?? "—"), HTMLTable.Cell($0.kind), HTMLTable.Cell("\($0.findings)", class: "num"),
                 $0.disposition.map { HTMLTable.Cell($0) } ?? HTMLTable.Cell("undispositioned", class: "bad"), HTMLTable.Cell($0.note ?? "")]
            }),
            "<h2>Cycles</h2>",
            cycles(report.cycles),
            signOff(report.signOff),
        ]
        return HTMLTable.page(title: title, style: MonthlyStyle.css, body: body)
    }

    /// One line per aggregate: groups within tolerance and the total unexplained amount.
    private static func summary(_ report: MonthlyReport) -> String {
        HTMLTable.render(["aggregate", "groups", "within tolerance", "unexplained (sum)"], report.aggregates.map { aggregate in
            let within = aggregate.groups.count { $0.withinTolerance }
            let unexplained = DriftChart.cumulative(aggregate.groups.map(\.unexplained))?.last?.description ?? "—"
            return [HTMLTable.Cell(aggregate.name), HTMLTable.Cell("\(aggregate.groups.count)", class: "num"),
                    HTMLTable.Cell("\(within) of \(aggregate.groups.count)", class: within == aggregate.groups.count ? "ok" : "bad"),
                    amount(unexplained, flag: unexplained)]
        }, class: "summary")
    }

    /// A right-aligned amount cell, highlighted when `flag` is a nonzero amount.
    private static func amount(_ text: String, flag: String? = nil) -> HTMLTable.Cell {
        let nonzero = flag.map { $0.contains { "123456789".contains($0) } } ?? false
        return HTMLTable.Cell(text, class: nonzero ? "num bad" : "num")
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

    /// Prepared and reviewed lines; a missing name leaves a line to sign.
    private static func signOff(_ signOff: MonthlyReport.SignOff) -> String {
        let line = { (role: String, name: String?, date: String?) in
            "<div class=\"sign\"><span class=\"role\">\(role)</span><span class=\"line\">\(Escaping.html(name ?? ""))</span>"
                + "<span class=\"role\">date</span><span class=\"line\">\(Escaping.html(date ?? ""))</span></div>"
        }
        return "<section class=\"signoff\"><h2>Sign-off</h2>"
            + line("Prepared by", signOff.preparedBy, signOff.preparedAt.map(StoreTime.iso))
            + line("Reviewed by", signOff.reviewedBy, nil) + "</section>"
    }
}
