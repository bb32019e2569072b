import ParityModel
import Reconciliation

/// `parity.gate/1` (docs/json-schemas.md).
struct GateDocument: Encodable {
    struct Criterion: Encodable {
        let name: String
        let result: String
        let evidence: String
        let details: [String]
        let command: String
    }

    struct Window: Encodable {
        let firstCycle: Int64
        let firstLabel: String
        let lastCycle: Int64
        let lastLabel: String

        enum CodingKeys: String, CodingKey {
            case firstCycle = "first_cycle", firstLabel = "first_label", lastCycle = "last_cycle", lastLabel = "last_label"
        }
    }

    /// The document; `as_of` and `window` are written as null when absent.
    let report: GateReport

    enum CodingKeys: String, CodingKey {
        case schema, result, criteria, window, evaluatedAt = "evaluated_at", asOf = "as_of", configHash = "config_hash"
        case exitCode = "exit_code", unreachableSources = "unreachable_sources", contracts, decisions
    }

    init(_ report: GateReport) {
        self.report = report
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode("parity.gate/1", forKey: .schema)
        try container.encode(report.result.rawValue, forKey: .result)
        try container.encode(report.criteria.map {
            Criterion(name: $0.name.rawValue, result: $0.result.rawValue, evidence: $0.evidence, details: $0.details, command: $0.command)
        }, forKey: .criteria)
        try container.encode(report.window.map {
            Window(firstCycle: $0.firstCycleID, firstLabel: $0.firstLabel, lastCycle: $0.lastCycleID, lastLabel: $0.lastLabel)
        }, forKey: .window)
        try container.encode(StoreTime.iso(report.evaluatedAt), forKey: .evaluatedAt)
        try container.encode(report.asOf.map(StoreTime.iso), forKey: .asOf)
        try container.encode(report.configHash, forKey: .configHash)
        try container.encode(report.exitCode, forKey: .exitCode)
        try container.encode(report.unreachableSources, forKey: .unreachableSources)
        try container.encodeIfPresent(report.contracts.map(ContractsStatusDocument.init), forKey: .contracts)
        try container.encode(report.decisions.map(VerdictDocument.init), forKey: .decisions)
    }
}
