import ParityModel
import Reconciliation

/// Renders `parity verify --sources` as text or `parity.verify/1` JSON (mode `sources`).
public enum SourceVerificationRenderer {
    /// The check in `format` (CSV and HTML render as text).
    public static func render(_ report: SourceVerification, format: OutputFormat) -> String {
        format == .json ? JSONRendering.render(SourceVerificationDocument(report)) : text(report)
    }

    private static func text(_ report: SourceVerification) -> String {
        var lines = ["verify --sources at \(StoreTime.iso(report.checkedAt))"]
        lines += TextColumns.lines(
            [["source", "table", "mapping", "position", "source rows", "store rows", "not comparable"]] + report.tables.map {
                [$0.side.rawValue, $0.table, $0.mapping, $0.position, "\($0.sourceRows)", "\($0.storedRows)", "\($0.notComparable)"]
            }, indent: "  ", rightAligned: [4, 5, 6])
        if report.drifts.isEmpty {
            lines.append("verify: PASS (the store equals every source checked at its snapshot's position)")
        } else {
            lines.append("verify: FAIL (\(report.drifts.count) capture_drift: the store does not equal the source)")
            lines += TextColumns.lines(
                [["source", "table", "key", "problem", "columns"]] + report.drifts.map {
                    [$0.side.rawValue, $0.table, $0.keyText, $0.problem.rawValue, $0.columns.joined(separator: ", ")]
                }, indent: "  ")
            lines.append("  a drift means every finding on those rows rests on wrong data: see README, parity verify")
        }
        return Escaping.lines(lines)
    }
}

/// `parity.verify/1` with mode `sources` (docs/json-schemas.md).
struct SourceVerificationDocument: Encodable {
    struct Table: Encodable {
        let source: String
        let table: String
        let mapping: String
        let position: String
        let sourceRows: Int
        let storeRows: Int
        let notComparable: Int

        enum CodingKeys: String, CodingKey {
            case source, table, mapping, position, sourceRows = "source_rows", storeRows = "store_rows", notComparable = "not_comparable"
        }
    }

    struct Drift: Encodable {
        let kind = "capture_drift"
        let source: String
        let table: String
        let mapping: String
        let key: [String: String?]
        let problem: String
        let columns: [String]
    }

    let schema = "parity.verify/1"
    let mode = "sources"
    let result: String
    let checkedAt: String
    let tables: [Table]
    let drifts: [Drift]

    enum CodingKeys: String, CodingKey {
        case schema, mode, result, checkedAt = "checked_at", tables, drifts
    }

    init(_ report: SourceVerification) {
        result = report.drifts.isEmpty ? "pass" : "fail"
        checkedAt = StoreTime.iso(report.checkedAt)
        tables = report.tables.map {
            Table(source: $0.side.rawValue, table: $0.table, mapping: $0.mapping, position: $0.position, sourceRows: $0.sourceRows,
                  storeRows: $0.storedRows, notComparable: $0.notComparable)
        }
        drifts = report.drifts.map {
            Drift(source: $0.side.rawValue, table: $0.table, mapping: $0.mapping, key: $0.key, problem: $0.problem.rawValue, columns: $0.columns)
        }
    }
}
