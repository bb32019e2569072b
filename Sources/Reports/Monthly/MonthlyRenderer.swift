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

    /// The columns of the open differences on rows dated in the month.
    static let openDifferenceColumns = ["aggregate", "day", "table", "key", "column", "kind", "legacy", "new", "disposition", "first seen"]

    /// One open difference's cells, in `openDifferenceColumns` order.
    static func openDifferenceCells(_ line: MonthlyReport.OpenDifferenceLine) -> [String] {
        [line.aggregate, line.day, line.item.table, line.item.keyText, line.item.column ?? "-", line.item.kind, line.item.legacy ?? "NULL",
         line.item.new ?? "NULL", line.item.disposition ?? "none", line.firstSeen == 0 ? "baseline" : "cycle \(line.firstSeen)"]
    }
}
