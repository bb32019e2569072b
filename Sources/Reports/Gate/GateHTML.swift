import ParityModel
import Reconciliation

/// The gate as one self-contained, print-friendly HTML page: a badge per criterion, evidence and details, every value escaped.
enum GateHTML {
    static func render(_ report: GateReport) -> String {
        let title = "Parity decommission gate — \(GateRenderer.label(report.result))"
        let body = ReportTemplates.render(View(report), "gate")
        return HTMLTable.page(title: title, style: style, body: [body.hasSuffix("\n") ? String(body.dropLast()) : body])
    }

    /// What the `gate` template reads.
    private struct View {
        struct Criterion {
            let outcome: String
            let label: String
            let name: String
            let evidence: String
            let details: [String]
            let hasDetails: Bool
            let command: String
        }

        let result: String
        let resultLabel: String
        let window: String
        let evaluatedAt: String
        let asOf: String?
        let configHash: String
        let exitCode: Int32
        let criteria: [Criterion]
        let contracts: String?
        /// The decisions table, rendered; nil when there is none.
        let decisions: String?
        let unreachable: String?

        init(_ report: GateReport) {
            result = report.result.rawValue
            resultLabel = GateRenderer.label(report.result)
            window = GateRenderer.window(report)
            evaluatedAt = StoreTime.iso(report.evaluatedAt)
            asOf = report.asOf.map(StoreTime.iso)
            configHash = report.configHash
            exitCode = report.exitCode
            criteria = report.criteria.map {
                Criterion(outcome: $0.result.rawValue, label: GateRenderer.label($0.result), name: $0.name.rawValue, evidence: $0.evidence,
                          details: $0.details, hasDetails: !$0.details.isEmpty, command: $0.command)
            }
            contracts = report.contracts?.summary
            decisions = report.decisions.isEmpty ? nil : VerdictLines.html(report.decisions)
            unreachable = report.unreachableSources.isEmpty ? nil : report.unreachableSources.map(\.rawValue).joined(separator: ", ")
        }
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
