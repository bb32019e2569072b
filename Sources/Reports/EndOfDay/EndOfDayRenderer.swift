import Foundation
import ParityModel
import Reconciliation

/// Renders `parity report eod` as text, `parity.eod/1` JSON, RFC 4180 CSV or one self-contained HTML page.
public enum EndOfDayRenderer {
    /// The report in `format`.
    public static func render(_ report: EndOfDayReport, format: OutputFormat) -> String {
        switch format {
        case .text: EndOfDayText.render(report)
        case .json: JSONRendering.render(EndOfDayDocument(report))
        case .csv: EndOfDayCSV.render(report)
        case .html: EndOfDayHTML.render(report)
        }
    }

    /// Findings per kind as `kind n, kind n` in kind order, or `-` when none.
    static func kinds(_ counts: [String: Int]) -> String {
        let kinds = counts.keys.sorted().map { "\($0) \(counts[$0]!)" }.joined(separator: ", ")
        return kinds.isEmpty ? "-" : kinds
    }

    /// A census client as cells: application, role@database, client address, backend type, kinds, samples, first and last seen.
    static func clientColumns(_ client: CensusClient) -> [String] {
        let identity = client.identity
        return [
            identity.applicationName.isEmpty ? "(no application name)" : identity.applicationName,
            "\(identity.role)@\(identity.database)", identity.clientAddress, identity.backendType,
            client.kinds.map(\.rawValue).joined(separator: ","), "\(client.samples)", StoreTime.iso(client.firstSeen),
            StoreTime.iso(client.lastSeen),
        ]
    }

    /// `verify --sources: pass at … (legacy, new); verify --state: none recorded`.
    static func verificationLine(_ status: VerificationStatus) -> String {
        let run = { (name: String, run: VerificationStatus.Run?) -> String in
            guard let run else { return "\(name): none recorded" }
            let checked = run.sources.isEmpty ? "" : " (\(run.sources.map(\.rawValue).joined(separator: ", ")))"
            return "\(name): \(run.passed ? "pass" : "FAIL, \(run.problems) problem(s)") at \(StoreTime.iso(run.checkedAt))\(checked)"
        }
        return run("verify --sources", status.lastSources) + "; " + run("verify --state", status.lastState)
    }
}
