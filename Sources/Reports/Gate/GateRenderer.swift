import Reconciliation

/// Renders `parity gate` as text, `parity.gate/1` JSON, RFC 4180 CSV (one line per criterion) or one self-contained HTML page.
public enum GateRenderer {
    /// The report in `format`; the text's "see:" commands name `configFile` when given, so they can be pasted as they are.
    public static func render(_ report: GateReport, format: OutputFormat, configFile: String? = nil) -> String {
        switch format {
        case .text: GateText.render(report, configFile: configFile)
        case .json: JSONRendering.render(GateDocument(report))
        case .csv: GateCSV.render(report)
        case .html: GateHTML.render(report)
        }
    }

    /// `PASS`, `FAIL` or `NOT EVALUATED`.
    static func label(_ result: GateReport.Result) -> String {
        switch result {
        case .pass: "PASS"
        case .fail: "FAIL"
        case .notEvaluated: "NOT EVALUATED"
        }
    }

    /// `cycles 3 (2026-11-01) … 32 (2026-11-30)`, or `no closed cycle`.
    static func window(_ report: GateReport) -> String {
        report.window.map { "cycles \($0.firstCycleID) (\($0.firstLabel)) … \($0.lastCycleID) (\($0.lastLabel))" } ?? "no closed cycle"
    }
}
