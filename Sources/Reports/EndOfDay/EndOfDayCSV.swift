import Reconciliation

/// The end-of-day findings as RFC 4180 CSV, one finding per line (values of `pii` columns already masked).
enum EndOfDayCSV {
    static let header = ["cycle", "table", "key", "column", "kind", "legacy", "new", "disposition", "attributed_to", "explanation"]

    static func render(_ report: EndOfDayReport) -> String {
        report.findings.reduce(into: Escaping.csvRecord(header)) { csv, item in
            csv += Escaping.csvRecord([
                "\(report.id)", item.mapping, item.keyText, item.column ?? "", item.kind.rawValue, item.legacy ?? "", item.new ?? "",
                item.disposition?.rawValue ?? "", item.attributedTo ?? "", item.explanation ?? "",
            ])
        }
    }
}
