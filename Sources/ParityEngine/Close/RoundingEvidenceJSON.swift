import Foundation
import ParityConfig
import ParityModel
import ParityStore
import Reconciliation

/// Rounding evidence to and from the JSON the store keeps (`rounding_evidence.evidence`).
enum RoundingEvidenceJSON {
    /// The stored form of one subject's evidence.
    static func stored(_ subject: RoundingObservations.Subject, _ evidence: RoundingEvidence) throws -> StoredRoundingEvidence {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let text = String(decoding: try encoder.encode(evidence), as: UTF8.self)
        return StoredRoundingEvidence(kind: .column, mapping: subject.mapping, column: subject.column, side: subject.side, evidence: text)
    }

    /// The subject and evidence of a stored row of kind `column`; nil when the row cannot be read back.
    static func decode(_ stored: StoredRoundingEvidence) -> (RoundingObservations.Subject, RoundingEvidence)? {
        guard let evidence = try? JSONDecoder().decode(RoundingEvidence.self, from: Data(stored.evidence.utf8)) else { return nil }
        return (RoundingObservations.Subject(mapping: stored.mapping, column: stored.column, side: stored.side), evidence)
    }
}
