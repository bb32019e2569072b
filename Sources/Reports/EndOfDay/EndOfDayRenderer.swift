import Foundation
import Reconciliation

/// Renders `parity report eod` as text or `parity.eod/1` JSON.
public enum EndOfDayRenderer {
    /// The report in `format` (text unless `.json`).
    public static func render(_ report: EndOfDayReport, format: OutputFormat) -> String {
        format == .json ? JSONRendering.render(EndOfDayDocument(report)) : text(report)
    }

    private static func text(_ report: EndOfDayReport) -> String {
        var lines = [
            "cycle \(report.id) \(report.label)  \(report.status)  [\(iso(report.start)), \(iso(report.end)))",
            "unexplained diff rate  \(report.unexplainedRate)",
            "",
            pad("table", 24) + pad("compared", 10) + pad("matched", 10) + "findings",
        ]
        for table in report.tables {
            let kinds = table.findings.keys.sorted().map { "\($0) \(table.findings[$0]!)" }.joined(separator: ", ")
            lines.append(pad(table.name, 24) + pad("\(table.compared)", 10) + pad("\(table.matched)", 10) + (kinds.isEmpty ? "-" : kinds))
        }
        lines.append("")
        let shown = report.findings.count < report.findingsTotal ? " (first \(report.findings.count))" : ""
        lines.append("findings: \(report.findingsTotal)\(shown)")
        for finding in report.findings {
            let key = finding.key.keys.sorted().map { "\($0)=\(finding.key[$0]! ?? "NULL")" }.joined(separator: ",")
            var line = "  \(finding.table) {\(key)} \(finding.kind)"
            if let column = finding.column { line += " \(column): legacy \(quoted(finding.legacy)) new \(quoted(finding.new))" }
            if let disposition = finding.disposition { line += "  [\(disposition)]" }
            lines.append(line)
        }
        if !report.carriedKeys.isEmpty {
            lines.append("carried to the next cycle: " + report.carriedKeys.map { "\($0.table) \($0.key)" }.joined(separator: ", "))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func quoted(_ value: String?) -> String { value.map { "\"\($0)\"" } ?? "NULL" }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }

    static func iso(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }
}
