import ParityModel
import Reconciliation

/// A category's decision in JSON (`decisions[]` of `parity.eod/1`, `parity.gate/1` and `parity.dispositions/1`):
/// optional fields are written as null when absent.
struct VerdictDocument: Encodable {
    let verdict: CategoryVerdict

    enum CodingKeys: String, CodingKey {
        case category, table, column, kind, disposition, source, owner, note, expires, ticket, expired, reopened
        case decidedBy = "decided_by", decidedAt = "decided_at", overriddenByConfig = "overridden_by_config"
    }

    struct Reopened: Encodable {
        let fixedIn: Int64
        let backIn: Int64

        enum CodingKeys: String, CodingKey {
            case fixedIn = "fixed_in", backIn = "back_in"
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        let decision = verdict.decision
        try container.encode(verdict.category.description, forKey: .category)
        try container.encode(verdict.category.table, forKey: .table)
        try container.encode(verdict.category.column, forKey: .column)
        try container.encode(verdict.category.kind.rawValue, forKey: .kind)
        try container.encode(verdict.disposition?.rawValue, forKey: .disposition)
        try container.encode(verdict.source?.rawValue, forKey: .source)
        try container.encode(verdict.owner, forKey: .owner)
        try container.encode(verdict.note, forKey: .note)
        try container.encode(decision?.expires, forKey: .expires)
        try container.encode(decision?.ticket, forKey: .ticket)
        try container.encode(decision?.decidedBy, forKey: .decidedBy)
        try container.encode(decision.map { StoreTime.iso($0.decidedAt) }, forKey: .decidedAt)
        try container.encode(verdict.expired, forKey: .expired)
        try container.encode(verdict.overridden, forKey: .overriddenByConfig)
        try container.encode(verdict.reopened.map { Reopened(fixedIn: $0.fixedIn, backIn: $0.backIn) }, forKey: .reopened)
    }
}

/// A category's decision as text lines and HTML table rows, shared by the end-of-day report and the gate.
enum VerdictLines {
    /// `  orders.status value_mismatch  legacy_bug (store) by ops: "…"`, one line per verdict.
    static func text(_ verdicts: [CategoryVerdict]) -> [String] {
        verdicts.map { "  \($0.category)  \(DecisionText.standing($0))" }
    }

    static let columns = ["category", "disposition", "source", "owner", "note", "expires", "ticket", "status"]

    /// One table row per verdict.
    static func html(_ verdicts: [CategoryVerdict]) -> String {
        HTMLTable.render(columns, verdicts.map { verdict in
            [verdict.category.description, verdict.disposition?.rawValue ?? "none", verdict.source?.rawValue ?? "-", verdict.owner ?? "-",
             verdict.note ?? "-", verdict.decision?.expires ?? "-", verdict.decision?.ticket ?? "-", status(verdict)].map { HTMLTable.Cell($0) }
        })
    }

    /// `reopened: none open at cycle 5, open again at cycle 7`, `expired`, `config wins over the stored decision`, or `-`.
    private static func status(_ verdict: CategoryVerdict) -> String {
        let parts = [verdict.reopened.map { "reopened: \($0.text)" }, verdict.expired ? "expired" : nil,
                     verdict.overridden ? "config wins over the stored decision" : nil].compactMap { $0 }
        return parts.isEmpty ? "-" : parts.joined(separator: "; ")
    }
}
