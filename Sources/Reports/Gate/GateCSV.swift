import Reconciliation

/// The gate as RFC 4180 CSV, one line per criterion; details joined by ` | `.
enum GateCSV {
    static func render(_ report: GateReport) -> String {
        report.criteria.reduce(into: Escaping.csvRecord(["criterion", "result", "evidence", "details", "command"])) { csv, criterion in
            csv += Escaping.csvRecord([
                criterion.name.rawValue, criterion.result.rawValue, criterion.evidence, criterion.details.joined(separator: " | "),
                criterion.command,
            ])
        }
    }
}
