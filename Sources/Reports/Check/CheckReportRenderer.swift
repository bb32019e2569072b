import Reconciliation

/// Renders `parity check` results as text for a terminal or as `parity.check/1` JSON.
public enum CheckReportRenderer {
    /// The formats `parity check` supports.
    public static let formats: [OutputFormat] = [.text, .json]

    /// The report in `format` (text or json).
    public static func render(_ report: CheckReport, format: OutputFormat) -> String {
        format == .json ? JSONRendering.render(CheckDocument(report)) : text(report)
    }

    private static func text(_ report: CheckReport) -> String {
        var lines = ["Parity check of \(report.configurationFile)"]
        for source in report.sources {
            lines.append("")
            lines.append([source.side.rawValue, source.target].compactMap { $0 }.joined(separator: "  "))
            lines += source.results.flatMap(textLines)
        }
        if !report.mappings.isEmpty {
            lines.append("")
            lines.append("mappings")
            lines += report.mappings.flatMap(textLines)
        }
        let results = report.allResults
        let failed = results.filter { $0.outcome == .fail }.count
        let warned = results.filter { $0.outcome == .warn }.count
        lines.append("")
        switch report.exitCode {
        case 0: lines.append("Result: PASS (\(results.count) checks, \(warned) warnings)")
        case 2: lines.append("Result: FAIL, \(failed) failed, \(warned) warnings (exit 2: the config does not fit the databases)")
        default: lines.append("Result: FAIL, \(failed) failed, \(warned) warnings (exit 3: a source is unreachable or not usable for replication)")
        }
        return Escaping.lines(lines)
    }

    private static func textLines(_ result: CheckResult) -> [String] {
        let label = Escaping.visible([result.name, result.subject].compactMap { $0 }.joined(separator: " "))
        let padded = label.count < 34 ? label + String(repeating: " ", count: 34 - label.count) : label + " "
        var lines = ["  \(result.outcome.rawValue.uppercased())  \(padded)\(result.detail)"]
        if let fix = result.fix, result.outcome != .pass { lines.append("        fix: \(fix)") }
        return lines
    }
}

/// `parity.check/1`: the JSON shape of a check report (documented in docs/json-schemas.md).
struct CheckDocument: Encodable {
    struct Check: Encodable {
        let name: String
        let subject: String?
        let result: String
        let detail: String
        let fix: String?
    }

    struct Source: Encodable {
        let source: String
        let target: String?
        let checks: [Check]
    }

    let schema = "parity.check/1"
    let config: String
    let result: String
    let exitCode: Int32
    let sources: [Source]
    let mappings: [Check]

    enum CodingKeys: String, CodingKey {
        case schema, config, result, exitCode = "exit_code", sources, mappings
    }

    init(_ report: CheckReport) {
        config = report.configurationFile
        exitCode = report.exitCode
        result = exitCode == 0 ? "pass" : "fail"
        sources = report.sources.map { source in
            Source(source: source.side.rawValue, target: source.target, checks: source.results.map(Check.init))
        }
        mappings = report.mappings.map(Check.init)
    }
}

extension CheckDocument.Check {
    init(_ result: CheckResult) {
        self.init(name: result.name, subject: result.subject, result: result.outcome.rawValue, detail: result.detail, fix: result.fix)
    }
}
