import ParityConfig
import ParityModel
import ParityStore
import Reconciliation

/// Reads closed cycles as the gate sees them, judging each cycle's findings under the CURRENT disposition rules,
/// so a rule written after a cycle closed counts (the unexplained rate is recomputed with them too).
enum GateCycleReader {
    static func cycle(_ record: CycleRecord, store: any Store, matcher: DispositionMatcher) throws -> GateInput.Cycle {
        let stored = try store.findings(cycle: record.id)
        let findings = stored
        let matches = findings.filter { matcher.rule(for: $0)?.disposition == .match }
        var seen = Set<GateInput.Category>()
        let categories = stored.filter { $0.kind != .withinTolerance }.map { finding in
            GateInput.Category(
                table: finding.mapping, column: finding.column, kind: finding.kind,
                disposition: matcher.rule(for: finding)?.disposition)
        }.filter { seen.insert($0).inserted }
        return GateInput.Cycle(
            id: record.id, label: record.label, status: record.status,
            mappingsCompared: try store.cycleTables(cycle: record.id).map(\.mapping),
            unexplainedRate: UnexplainedRate.rate(findings: findings, matcher: matcher, keysCompared: record.keysCompared),
            openMatchFindings: matches.count, firstOpenMatchFinding: matches.first.map(describe), categories: categories)
    }

    /// `orders {order_no=14} amount value_mismatch: 14.00 → 14.01`.
    private static func describe(_ finding: Finding) -> String {
        let key = KeyText.format(finding.key, separator: ",")
        return "\(finding.mapping) {\(key)} \(finding.column.map { "\($0) " } ?? "")\(finding.kind.rawValue): "
            + "\(finding.legacy ?? "-") → \(finding.new ?? "-")"
    }
}
