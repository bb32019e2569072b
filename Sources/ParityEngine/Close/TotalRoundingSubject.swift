import Foundation
import ParityConfig
import ParityStore
import Reconciliation

/// Total-rounding evidence in the store: kept beside the rounding evidence of columns as kind `total`, under the header's
/// mapping and a column name that says what was summed (`total = Σ invoice_lines.amount`).
enum TotalRoundingEvidenceJSON {
    /// What was summed: `total = Σ invoice_lines.amount`.
    static func column(_ items: LineItems) -> String {
        "\(items.total) = Σ \(items.mapping).\(items.amount)"
    }

    /// The column reports name a total by: `total: total = Σ invoice_lines.amount`.
    static func label(_ column: String) -> String {
        "total: " + column
    }

    static func encode(_ evidence: TotalRoundingEvidence) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(evidence), as: UTF8.self)
    }

    /// The evidence of a stored row of kind `total`; nil when it cannot be read back.
    static func decode(_ stored: StoredRoundingEvidence) -> TotalRoundingEvidence? {
        try? JSONDecoder().decode(TotalRoundingEvidence.self, from: Data(stored.evidence.utf8))
    }
}
