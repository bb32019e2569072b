import ParityModel
import Reconciliation

/// Renders `parity report open` as text, `parity.open/1` JSON, RFC 4180 CSV (one line per difference) or one
/// self-contained HTML page.
public enum OpenDifferencesRenderer {
    /// The report in `format`.
    public static func render(_ report: OpenDifferencesReport, format: OutputFormat) -> String {
        switch format {
        case .text: text(report)
        case .json: JSONRendering.render(OpenDifferencesDocument(report))
        case .csv: csv(report)
        case .html: html(report)
        }
    }

    static let columns = ["table", "key", "column", "kind", "legacy", "new", "disposition", "first seen", "last seen", "age"]

    private static func cells(_ row: OpenDifferencesReport.Row) -> [String] {
        [row.item.mapping, row.item.keyText, row.item.column ?? "-", row.item.kind.rawValue, row.item.legacy ?? "NULL", row.item.new ?? "NULL",
         row.item.disposition?.rawValue ?? "none", "\(row.firstSeen) \(row.firstLabel)", "\(row.lastSeen) \(row.lastLabel)",
         row.ageSeconds.map { Humanized.duration(seconds: $0) } ?? "-"]
    }

    private static func summary(_ report: OpenDifferencesReport) -> String {
        let filters = [report.mapping.map { "mapping \($0)" }, report.kind.map { "kind \($0)" }].compactMap { $0 }
        return "\(report.rows.count) \(report.includesExplained ? "open" : "open unexplained") difference(s)"
            + (filters.isEmpty ? "" : " (\(filters.joined(separator: ", ")))")
            + "; the ledger holds \(report.totalOpen) open, \(report.totalUnexplained) unexplained"
    }

    private static func text(_ report: OpenDifferencesReport) -> String {
        var lines = [summary(report)]
        if !report.rows.isEmpty { lines += [""] + TextColumns.lines([columns] + report.rows.map(cells)) }
        if !report.includesExplained, report.totalOpen > report.totalUnexplained {
            lines += ["", "explained differences (dispositioned intentional_change or legacy_bug) are listed with --all"]
        }
        return Escaping.lines(lines)
    }

    private static func csv(_ report: OpenDifferencesReport) -> String {
        report.rows.reduce(into: Escaping.csvRecord(["table", "key", "column", "kind", "legacy", "new", "disposition", "note",
                                                     "first_seen_cycle", "first_seen_label", "last_seen_cycle", "last_seen_label",
                                                     "age_seconds"])) { csv, row in
            csv += Escaping.csvRecord([
                row.item.mapping, row.item.keyText, row.item.column ?? "", row.item.kind.rawValue, row.item.legacy ?? "", row.item.new ?? "",
                row.item.disposition?.rawValue ?? "", row.note ?? "", "\(row.firstSeen)", row.firstLabel, "\(row.lastSeen)", row.lastLabel,
                row.ageSeconds.map { "\($0)" } ?? "",
            ])
        }
    }

    private static func html(_ report: OpenDifferencesReport) -> String {
        HTMLTable.page(title: "Parity open differences", style: EndOfDayHTML.style + "p.none{color:#555}", body: [
            ReportTemplates.render(OpenDifferencesView(
                summary: summary(report), asOf: StoreTime.iso(report.generatedAt),
                table: HTMLTable.render(columns, report.rows.map { cells($0).map { HTMLTable.Cell($0) } })), "openDifferences"),
        ])
    }
}
