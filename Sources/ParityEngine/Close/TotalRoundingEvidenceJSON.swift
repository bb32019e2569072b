import Foundation
import ParityConfig
import Reconciliation

/// Total-rounding evidence in the store: kept beside the rounding evidence of columns, under the header's mapping
/// and a column name that says what was summed (`total = Σ invoice_lines.amount`).
enum TotalRoundingEvidenceJSON {
    /// The prefix of the column name that marks total-rounding evidence.
    static let prefix = "total: "

    /// `total: total = Σ invoice_lines.amount`.
    static func column(_ items: LineItems) -> String {
        prefix + "\(items.total) = Σ \(items.mapping).\(items.amount)"
    }

    static func encode(_ evidence: TotalRoundingEvidence) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(evidence), as: UTF8.self)
    }

    /// The evidence of a stored row when it is total-rounding evidence.
    static func decode(column: String, evidence: String) -> TotalRoundingEvidence? {
        guard column.hasPrefix(prefix) else { return nil }
        return try? JSONDecoder().decode(TotalRoundingEvidence.self, from: Data(evidence.utf8))
    }
}
