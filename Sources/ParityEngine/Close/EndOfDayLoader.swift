import Foundation
import ParityConfig
import ParityStore
import Reconciliation

/// Builds the end-of-day report of a closed cycle from the store, masking values of `pii: true` columns.
public enum EndOfDayLoader {
    /// The mask shown instead of a `pii` column's value.
    public static let mask = "***"

    /// The report of cycle `id` (the latest closed cycle when nil), with at most `limit` findings.
    public static func load(
        _ configuration: ParityConfiguration, store: ParityStore, cycle id: Int64? = nil, limit: Int? = nil
    ) throws(EngineError) -> EndOfDayReport {
        do {
            let record = try id.map { try store.cycle(id: $0) } ?? store.cycles().last
            guard let record else {
                throw EngineError(source: nil, message: id.map { "cycle \($0) is not closed" } ?? "no cycle is closed yet",
                                  fix: "run parity close (parity report eod --cycle takes the id of a closed cycle)", exitCode: 2)
            }
            let findings = try store.findings(cycle: record.id)
            let shown = limit.map { Array(findings.prefix(max(0, $0))) } ?? findings
            return EndOfDayReport(
                id: record.id, label: record.label, start: date(record.start), end: date(record.end), status: record.status,
                tables: try store.cycleTables(cycle: record.id).map {
                    EndOfDayReport.Table(name: $0.mapping, compared: $0.compared, matched: $0.matched, findings: $0.findingsByKind)
                },
                findings: shown.map { item($0, configuration) }, findingsTotal: findings.count,
                carriedKeys: try store.carriedKeys(into: record.id + 1).map { ($0.mapping, $0.canonicalKey) },
                unexplainedRate: record.unexplainedRate)
        } catch let error as EngineError {
            throw error
        } catch {
            throw EngineError(source: nil, message: "reading the cycle failed: \(error)",
                              fix: "check the store file (store.path) is readable", exitCode: 2)
        }
    }

    private static func item(_ finding: StoredFinding, _ configuration: ParityConfiguration) -> EndOfDayReport.Item {
        let pii = configuration.tables.first { $0.name == finding.mapping }?.columns.first { $0.legacy == finding.column }?.pii ?? false
        return EndOfDayReport.Item(
            table: finding.mapping, key: finding.key, column: finding.column, kind: finding.kind,
            legacy: pii ? finding.legacy.map { _ in mask } : finding.legacy, new: pii ? finding.new.map { _ in mask } : finding.new,
            disposition: finding.disposition, attributedTo: nil)
    }

    private static func date(_ micros: Int64) -> Date { Date(timeIntervalSince1970: Double(micros) / 1_000_000) }
}
