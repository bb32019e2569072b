import Reconciliation

/// The gate as plain text: one line per criterion, details indented, the result and exit code last.
enum GateText {
    static func render(_ report: GateReport, configFile: String? = nil) -> String {
        let config = configFile.map { " --config \($0)" } ?? ""
        var lines = ["gate over \(GateRenderer.window(report))  config \(report.configHash)", ""]
        let width = GateCriterion.Name.allCases.map(\.rawValue.count).max()!
        for criterion in report.criteria {
            let label = GateRenderer.label(criterion.result)
            lines.append(label + String(repeating: " ", count: 15 - label.count) + criterion.name.rawValue
                + String(repeating: " ", count: width + 2 - criterion.name.rawValue.count) + criterion.evidence)
            lines += criterion.details.map { "    - \($0)" }
            if criterion.result != .pass { lines.append("    see: \(criterion.command)\(config)") }
        }
        if let contracts = report.contracts { lines += ["", "contracts: \(contracts.summary)"] }
        if !report.decisions.isEmpty { lines += ["", "decisions:"] + VerdictLines.text(report.decisions) }
        lines += ["", "gate: \(GateRenderer.label(report.result)) (exit \(report.exitCode))"]
        return Escaping.lines(lines)
    }
}
