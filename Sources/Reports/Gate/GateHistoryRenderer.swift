import ParityModel
import Reconciliation

/// Renders `parity gate --history` as a text table or `parity.gate-history/1` JSON.
public enum GateHistoryRenderer {
    /// The entries, oldest first, in `format` (text or json; others render as text).
    public static func render(_ entries: [GateHistoryEntry], format: OutputFormat) -> String {
        switch format {
        case .json: JSONRendering.render(GateHistoryDocument(entries: entries))
        case .text, .csv, .html: text(entries)
        }
    }

    private static func text(_ entries: [GateHistoryEntry]) -> String {
        guard !entries.isEmpty else { return "no gate evaluation recorded yet (run parity gate)\n" }
        let header = ["id", "evaluated at", "by", "result", "exit", "cycles", "config hash", "config file"]
        let rows = entries.map { entry in
            [
                "\(entry.id)", StoreTime.iso(entry.evaluatedAt), entry.evaluatedBy, GateRenderer.label(entry.result), "\(entry.exitCode)",
                entry.firstCycleID.map { "\($0)…\(entry.lastCycleID ?? $0)" } ?? "-", entry.configHash, entry.configFile,
            ]
        }
        return Escaping.lines(TextColumns.lines([header] + rows))
    }
}

/// `parity.gate-history/1` (docs/json-schemas.md).
struct GateHistoryDocument: Encodable {
    struct Evaluation: Encodable {
        let id: Int64
        let evaluatedAt: String
        let evaluatedBy: String
        let result: String
        let exitCode: Int32
        let firstCycle: Int64?
        let lastCycle: Int64?
        let configFile: String
        let configHash: String

        enum CodingKeys: String, CodingKey {
            case id, result, evaluatedAt = "evaluated_at", evaluatedBy = "evaluated_by", exitCode = "exit_code"
            case firstCycle = "first_cycle", lastCycle = "last_cycle", configFile = "config_file", configHash = "config_hash"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(evaluatedAt, forKey: .evaluatedAt)
            try container.encode(evaluatedBy, forKey: .evaluatedBy)
            try container.encode(result, forKey: .result)
            try container.encode(exitCode, forKey: .exitCode)
            try container.encode(firstCycle, forKey: .firstCycle)
            try container.encode(lastCycle, forKey: .lastCycle)
            try container.encode(configFile, forKey: .configFile)
            try container.encode(configHash, forKey: .configHash)
        }
    }

    let schema = "parity.gate-history/1"
    let evaluations: [Evaluation]

    init(entries: [GateHistoryEntry]) {
        evaluations = entries.map {
            Evaluation(
                id: $0.id, evaluatedAt: StoreTime.iso($0.evaluatedAt), evaluatedBy: $0.evaluatedBy, result: $0.result.rawValue,
                exitCode: $0.exitCode, firstCycle: $0.firstCycleID, lastCycle: $0.lastCycleID, configFile: $0.configFile,
                configHash: $0.configHash)
        }
    }
}
