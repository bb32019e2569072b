import Reconciliation

/// Renders `parity gate` as text, `parity.gate/1` JSON, RFC 4180 CSV (one line per criterion) or one self-contained HTML page.
public enum GateRenderer {
    /// The report in `format`.
    public static func render(_ report: GateReport, format: OutputFormat) -> String {
        switch format {
        case .text: GateText.render(report)
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
