import Foundation
import GRDB
import ParityModel

/// How `rounding_evidence` keeps a subject's evidence: its `kind` (`column` or `total`, a CHECK allows no other) and the
/// evidence as JSON with sorted keys.
package enum RoundingEvidenceColumns {
    /// The `kind` and `evidence` columns of `evidence`.
    package static func encode(_ evidence: SubjectRoundingEvidence.Evidence) throws -> (kind: String, json: String) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        switch evidence {
        case .column(let column): return ("column", String(decoding: try encoder.encode(column), as: UTF8.self))
        case .total(let total): return ("total", String(decoding: try encoder.encode(total), as: UTF8.self))
        }
    }

    /// The evidence stored as `kind` and `json`; throws ``UnknownStoredValue`` for a kind this Parity does not know or
    /// evidence it cannot read.
    package static func decode(kind: String, json: String) throws -> SubjectRoundingEvidence.Evidence {
        let decoded: SubjectRoundingEvidence.Evidence?
        switch kind {
        case "column": decoded = (try? JSONDecoder().decode(RoundingEvidence.self, from: Data(json.utf8))).map { .column($0) }
        case "total": decoded = (try? JSONDecoder().decode(TotalRoundingEvidence.self, from: Data(json.utf8))).map { .total($0) }
        default: throw UnknownStoredValue(column: "kind", value: kind, expected: "rounding evidence kind")
        }
        guard let evidence = decoded else { throw UnknownStoredValue(column: "evidence", value: json, expected: "\(kind) rounding evidence") }
        return evidence
    }

    /// A `rounding_evidence` row; throws ``UnknownStoredValue`` for a kind this Parity does not know or evidence it cannot read.
    static func decode(_ row: Row) throws -> SubjectRoundingEvidence {
        let evidence = try decode(kind: row["kind"], json: row["evidence"])
        return SubjectRoundingEvidence(mapping: row["mapping"], column: row["column_name"], side: try row.vocabulary("side"), evidence: evidence)
    }
}
