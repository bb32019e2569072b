import Reconciliation

/// The gate as one self-contained, print-friendly HTML page: a badge per criterion, evidence and details, every value escaped.
enum GateHTML {
    static func render(_ report: GateReport) -> String {
        let title = "Parity decommission gate — \(GateRenderer.label(report.result))"
        var body = [
            "<h1>Parity decommission gate \(badge(report.result))</h1>",
            "<p class=\"meta\">\(Escaping.html(GateRenderer.window(report))); evaluated \(Escaping.html(StoreTime.iso(report.evaluatedAt)))"
                + (report.asOf.map { ", evidence as of \(Escaping.html(StoreTime.iso($0)))" } ?? "")
                + "; config \(Escaping.html(report.configHash)); exit code \(report.exitCode)</p>",
            "<table><thead><tr><th>result</th><th>criterion</th><th>evidence</th><th>see</th></tr></thead><tbody>",
        ]
        for criterion in report.criteria {
            let details = criterion.details.isEmpty ? ""
                : "<ul>" + criterion.details.map { "<li>\(Escaping.html($0))</li>" }.joined() + "</ul>"
            body.append("<tr><td>\(badge(criterion.result))</td><td><b>\(Escaping.html(criterion.name.rawValue))</b></td>"
                + "<td>\(Escaping.html(criterion.evidence))\(details)</td><td><code>\(Escaping.html(criterion.command))</code></td></tr>")
        }
        body.append("</tbody></table>")
        if let contracts = report.contracts { body.append("<p class=\"meta\">Contracts: \(Escaping.html(contracts.summary))</p>") }
        if !report.decisions.isEmpty { body += ["<h2>Decisions</h2>", VerdictLines.html(report.decisions)] }
        if !report.unreachableSources.isEmpty {
            body.append("<p class=\"warn\">Unreachable: \(Escaping.html(report.unreachableSources.joined(separator: ", ")))</p>")
        }
        return HTMLTable.page(title: title, style: style, body: body)
    }

    private static func badge(_ result: GateReport.Result) -> String {
        "<span class=\"badge \(result.rawValue)\">\(GateRenderer.label(result))</span>"
    }

    private static let style = """
        body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:1100px;padding:0 1.5em;color:#111}\
        .meta{color:#444}table{border-collapse:collapse;width:100%}\
        th,td{border:1px solid #bbb;padding:.35em .6em;text-align:left;vertical-align:top}th{background:#eef1f4}\
        td ul{margin:.3em 0 0 1.2em;padding:0;font-size:13px}code{font-size:12px}\
        .badge{display:inline-block;padding:.1em .55em;border-radius:.3em;font-weight:700;font-size:12px;white-space:nowrap;border:2px solid}\
        .badge.pass{background:#d8f3e1;color:#17603a;border-color:#17603a}\
        .badge.fail{background:#fde2e2;color:#a31515;border-color:#a31515}\
        .badge.not_evaluated{background:#f1f1f1;color:#555;border-color:#888;border-style:dashed}\
        h1 .badge{font-size:.7em;vertical-align:middle}.warn{color:#a31515;font-weight:600}\
        @media print{body{margin:0;max-width:none}tr{break-inside:avoid}\
        .badge{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
        """
}
