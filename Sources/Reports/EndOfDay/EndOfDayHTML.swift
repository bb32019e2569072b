import ParityModel
import Reconciliation

/// The end-of-day report as one self-contained HTML page: inline CSS, no scripts, every value escaped.
enum EndOfDayHTML {
    static func render(_ report: EndOfDayReport) -> String {
        let title = "Parity end of day — cycle \(report.id) \(report.label)"
        var body = [ReportTemplates.render(EndOfDayHeadingView(
            title: title, status: report.status.rawValue, start: StoreTime.iso(report.start), end: StoreTime.iso(report.end),
            rate: report.unexplainedRate), "heading")]
        body += section("Tables", ["table", "compared", "matched", "findings", "compared since"], report.tables.map {
            [$0.name, "\($0.compared)", "\($0.matched)", EndOfDayRenderer.kinds($0.findings),
             $0.comparedFrom.map { $0 == report.id ? "this cycle (every row)" : "cycle \($0)" } ?? "-"]
        } + report.notCompared.map { [$0.table, "not compared", "", "", $0.detail] })
        body += EndOfDayScope.html(report)
        body += section("Categories", ["table", "column", "kind", "disposition", "count", "sample keys"], report.categories.map {
            [$0.table, $0.column ?? "-", $0.kind.rawValue, $0.disposition?.rawValue ?? "none", "\($0.count)", $0.sampleKeys.joined(separator: "  ")]
        })
        body += statisticsSections(report)
        if !report.decisions.isEmpty { body += ["<h2>Decisions</h2>", VerdictLines.html(report.decisions)] }
        if let verification = report.verification {
            body.append(ReportTemplates.render(NoteView(label: "Verification", text: EndOfDayRenderer.verificationLine(verification)), "note"))
        }
        if let contracts = report.contracts { body.append(ReportTemplates.render(NoteView(label: "Contracts", text: contracts.summary), "note")) }
        if let ledger = report.openDifferences {
            body += section(
                "Open differences (\(ledger.open) open, \(ledger.new) new, \(ledger.resolved) resolved this cycle)",
                ["table", "column", "kind", "disposition", "open", "new", "resolved", "oldest", "sample keys"],
                ledger.categories.map {
                    [$0.table, $0.column ?? "-", $0.kind.rawValue, $0.disposition?.rawValue ?? "none", "\($0.open)", "\($0.new)", "\($0.resolved)",
                     $0.oldestText ?? "-", $0.sampleKeys.joined(separator: "  ")]
                })
        }
        body += section(
            "Findings (\(report.findings.count) of \(report.findingsTotal))",
            ["table", "key", "column", "kind", "legacy", "new", "disposition", "why"],
            report.findings.map {
                [$0.mapping, $0.keyText, $0.column ?? "-", $0.kind.rawValue, $0.legacy ?? "NULL", $0.new ?? "NULL", $0.disposition?.rawValue ?? "none",
                 [$0.explanation, $0.attributedTo.map { "attributed to \($0)" }].compactMap { $0 }.joined(separator: "; ")]
            })
        body += section(
            "Aggregates", ["aggregate", "day", "group", "legacy", "new", "difference", "rounding", "unexplained", "within tolerance"],
            report.aggregates.map { line in
                let result = line.result
                return [result.aggregate, result.period.isEmpty ? "-" : result.period, line.groupText, result.legacy?.description ?? "-",
                        result.new?.description ?? "-", result.difference.description, result.roundingExplained.description,
                        result.unexplained.description, result.withinTolerance ? "yes" : "NO"]
            })
        body += section("Hidden state", ["kind", "table", "trigger", "functions", "transactions", "documented", "what"], report.hiddenState.map {
            [$0.kind.rawValue, $0.table, $0.trigger ?? "-", $0.functions.joined(separator: " → "), "\($0.transactions)", $0.documented ? "yes" : "no",
             $0.message]
        })
        body += section("Legacy catalog changes", ["change", "kind", "name", "table", "documented", "what changed"], report.inventoryChanges.map {
            [$0.change.rawValue, $0.kind.rawValue, $0.name, $0.table ?? "-", $0.documented ? "yes" : "no", $0.detail]
        })
        body += section("Rounding modes", ["table", "column", "side", "mode", "evidence"], report.rounding.map {
            [$0.table, $0.column, $0.side.rawValue, $0.mode, $0.evidence]
        })
        body += section("Carried to the next cycle", ["table", "key"], report.carriedKeys.map { [$0.mapping, $0.canonicalKey.rawValue] })
        let unmapped = report.unmappedColumns.filter { !$0.legacy.isEmpty || !$0.new.isEmpty }
        body += section("Unmapped columns", ["table", "legacy", "new"], unmapped.map {
            [$0.table, $0.legacy.joined(separator: ", "), $0.new.joined(separator: ", ")]
        })
        body += section("Stale dispositions", ["table", "column", "kind", "disposition", "owner", "note"], report.staleDispositions.map {
            [$0.table, $0.column ?? "*", $0.kind.rawValue, $0.disposition.rawValue, $0.owner ?? "-", $0.note ?? "-"]
        })
        if let clients = report.legacyClients {
            body += section(
                "Who still uses legacy (\(clients.samples) samples)\(clients.note.map { " — \($0)" } ?? "")",
                ["new", "application", "role@database", "client", "backend", "kinds", "samples", "first seen", "last seen"],
                clients.lines.map { [$0.isNew ? "NEW" : ""] + EndOfDayRenderer.clientColumns($0.client) })
        }
        body += section("Capture health", ["source", "durable LSN", "watermark", "last error"], report.capture.map {
            [$0.side.rawValue, $0.durableLSN, StoreTime.iso($0.watermark), $0.lastError ?? "-"]
        })
        return HTMLTable.page(title: title, style: style, body: body)
    }

    /// The report pages' plain style (also the open-differences page's).
    static let style = """
        body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#111}\
        table{border-collapse:collapse;margin:.5em 0 1.5em}\
        th,td{border:1px solid #999;padding:.2em .5em;text-align:left;vertical-align:top}\
        th{background:#eee}td{font-family:ui-monospace,monospace;white-space:pre-wrap}td:last-child{overflow-wrap:anywhere}\
        @media print{body{margin:0}h2{break-after:avoid}tr{break-inside:avoid}}
        """

    /// A heading and a table (the `section` template), or a line saying there is nothing. Markdown code spans in a
    /// cell (`` `daily_totals` ``, as hidden-state sentences name tables and triggers) are set as `<code>` rather than
    /// shown with their backticks.
    static func section(_ heading: String, _ columns: [String], _ rows: [[String]]) -> [String] {
        [ReportTemplates.render(SectionView(heading: heading, columns: columns, rows: rows), "section")]
    }
}
