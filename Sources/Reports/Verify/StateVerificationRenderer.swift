import ParityModel
import Reconciliation

/// Renders `parity verify --state` as text or `parity.verify/1` JSON.
public enum StateVerificationRenderer {
    /// The check in `format` (CSV and HTML render as text).
    public static func render(_ report: StateVerification, format: OutputFormat) -> String {
        format == .json ? JSONRendering.render(StateVerificationDocument(report)) : text(report)
    }

    private static func text(_ report: StateVerification) -> String {
        var lines = ["verify --state as of cycle \(report.asOfCycle) at \(StoreTime.iso(report.checkedAt))"]
        lines += report.mappings.map { "  \($0.mapping): \($0.compared) keys compared, \($0.differences) differences" }
        lines.append("  ledger: \(report.ledgerOpen) open differences")
        if report.discrepancies.isEmpty {
            lines.append("verify: PASS (the ledger holds exactly the differences the stored state shows)")
        } else {
            lines.append("verify: FAIL (\(report.discrepancies.count) discrepancies between the stored state and the ledger)")
            lines += TextColumns.lines(
                [["problem", "table", "key", "column", "state", "ledger"]] + report.discrepancies.map { discrepancy in
                    let subject = discrepancy.subject
                    return [discrepancy.problem.rawValue, subject.mapping, subject.keyText, subject.column ?? "-",
                            discrepancy.state.map(describe) ?? "equal", discrepancy.ledger.map(describe) ?? "not open"]
                }, indent: "  ")
        }
        return Escaping.lines(lines)
    }

    /// `kind`, and for a column both values, shortened: `value_mismatch 1 → 2`.
    private static func describe(_ difference: StateVerification.Difference) -> String {
        guard difference.column != nil else { return difference.kind.rawValue }
        let value = { (text: String?) in text.map(Escaping.shortened) ?? "NULL" }
        return "\(difference.kind.rawValue) \(value(difference.legacy)) → \(value(difference.new))"
    }
}

/// `parity.verify/1` (docs/json-schemas.md).
struct StateVerificationDocument: Encodable {
    struct Mapping: Encodable {
        let name: String
        let compared: Int
        let differences: Int
    }

    struct Side: Encodable {
        let kind: String
        let legacy: String?
        let new: String?

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(kind, forKey: .kind)
            try container.encode(legacy, forKey: .legacy)
            try container.encode(new, forKey: .new)
        }

        enum CodingKeys: String, CodingKey { case kind, legacy, new }
    }

    struct Discrepancy: Encodable {
        let problem: String
        let table: String
        let key: [String: String?]
        let column: String?
        let state: Side?
        let ledger: Side?

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(problem, forKey: .problem)
            try container.encode(table, forKey: .table)
            try container.encode(key, forKey: .key)
            try container.encode(column, forKey: .column)
            try container.encode(state, forKey: .state)
            try container.encode(ledger, forKey: .ledger)
        }

        enum CodingKeys: String, CodingKey { case problem, table, key, column, state, ledger }
    }

    let schema = "parity.verify/1"
    let mode = "state"
    let result: String
    let asOfCycle: Int64
    let checkedAt: String
    let mappings: [Mapping]
    let ledgerOpen: Int
    let discrepancies: [Discrepancy]

    enum CodingKeys: String, CodingKey {
        case schema, mode, result, asOfCycle = "as_of_cycle", checkedAt = "checked_at", mappings, ledgerOpen = "ledger_open", discrepancies
    }

    init(_ report: StateVerification) {
        result = report.discrepancies.isEmpty ? "pass" : "fail"
        asOfCycle = report.asOfCycle
        checkedAt = StoreTime.iso(report.checkedAt)
        mappings = report.mappings.map { Mapping(name: $0.mapping, compared: $0.compared, differences: $0.differences) }
        ledgerOpen = report.ledgerOpen
        let side = { (difference: StateVerification.Difference) in Side(kind: difference.kind.rawValue, legacy: difference.legacy, new: difference.new) }
        discrepancies = report.discrepancies.map {
            Discrepancy(problem: $0.problem.rawValue, table: $0.subject.mapping, key: $0.subject.key, column: $0.subject.column,
                        state: $0.state.map(side), ledger: $0.ledger.map(side))
        }
    }
}
