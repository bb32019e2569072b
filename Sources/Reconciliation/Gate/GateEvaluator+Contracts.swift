extension GateEvaluator {
    /// Passes when contracts were exported under the decisions in force: an export ran and no disposition, tolerance or
    /// documented object changed since (`Decisions.fingerprint`).
    static func contractsExported(_ status: ContractsStatus?) -> GateCriterion {
        let command = "parity contracts export --out contracts"
        guard let status else {
            return GateCriterion(name: .contracts, result: .notEvaluated, evidence: "the contract exports could not be read", command: command)
        }
        guard status.lastExport != nil else {
            return GateCriterion(name: .contracts, result: .fail, evidence: "no contracts exported yet; \(status.known) known", command: command)
        }
        return judged(
            .contracts, details: status.exportCurrent ? [] : ["decisions fingerprint now \(status.decisionsFingerprint)"],
            pass: status.summary, fail: "decisions changed since the last export: " + status.summary, command: command)
    }
}
