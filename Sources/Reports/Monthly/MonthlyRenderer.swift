import Reconciliation

/// Renders `parity report monthly` as text, `parity.monthly/1` JSON, RFC 4180 CSV or one self-contained HTML page with drift charts.
public enum MonthlyRenderer {
    /// The report in `format`.
    public static func render(_ report: MonthlyReport, format: OutputFormat) -> String {
        switch format {
        case .text: MonthlyText.render(report)
        case .json: JSONRendering.render(MonthlyDocument(report))
        case .csv: MonthlyCSV.render(report)
        case .html: MonthlyHTML.render(report)
        }
    }

    /// The bridge kinds every table shows, in walk order, then any other kind the report holds, by name.
    static func bridgeKinds(_ report: MonthlyReport) -> [String] {
        let standard = ["missing_in_new", "missing_in_legacy", "value_mismatch", "rounding", "within_tolerance"]
        let others = Set(report.aggregates.flatMap { $0.groups.flatMap { $0.bridge.map(\.kind) } }).subtracting(standard)
        return standard + others.sorted()
    }
}
