import Foundation
import Reconciliation

/// Renders `parity report eod` as text, `parity.eod/1` JSON, RFC 4180 CSV or one self-contained HTML page.
public enum EndOfDayRenderer {
    /// The report in `format`.
    public static func render(_ report: EndOfDayReport, format: OutputFormat) -> String {
        switch format {
        case .text: EndOfDayText.render(report)
        case .json: JSONRendering.render(EndOfDayDocument(report))
        case .csv: EndOfDayCSV.render(report)
        case .html: EndOfDayHTML.render(report)
        }
    }

    /// Findings per kind as `kind n, kind n` in kind order, or `-` when none.
    static func kinds(_ counts: [String: Int]) -> String {
        let kinds = counts.keys.sorted().map { "\($0) \(counts[$0]!)" }.joined(separator: ", ")
        return kinds.isEmpty ? "-" : kinds
    }
}
