import ParityConfig
import ParityModel

/// Decides the decommission gate from its inputs: pure, no I/O.
public enum GateEvaluator {
    /// Each criterion over the last `configuration.cycles` closed cycles, and the overall result:
    /// fail when any criterion fails, not evaluated when one cannot be decided, pass otherwise.
    public static func evaluate(_ input: GateInput, configuration: GateConfiguration) -> GateReport {
        let window = Array(input.cycles.sorted { $0.id < $1.id }.suffix(max(configuration.cycles, 1)))
        var criteria = [
            coverage(window, input: input, required: configuration.cycles),
            unexplainedDiffs(window, maxRate: configuration.maxUnexplainedRate, open: input.openDifferences,
                             maxOpen: configuration.maxOpenUnexplained),
            dispositions(window, stale: input.staleDispositions, open: input.openDifferences, decisions: input.decisions),
            aggregates(input.lastMonth),
            hiddenState(input.hiddenState),
            verification(input.verification, at: input.evaluatedAt),
        ]
        if configuration.legacyQuietCycles > 0 {
            criteria.append(legacyQuiet(window, writes: input.legacyWrites, use: input.legacyUse, cycles: configuration.legacyQuietCycles))
        }
        criteria.append(captureHealth(input.capture, maxLag: configuration.maxLag))
        if configuration.requireContractsExport { criteria.append(contractsExported(input.contracts)) }
        if let scopes = input.scopes { criteria.append(scope(scopes.filter { share in window.contains { $0.id == share.cycle } }, window: window)) }
        let result: GateReport.Result =
            criteria.contains { $0.result == .fail } ? .fail
            : criteria.contains { $0.result == .notEvaluated } ? .notEvaluated : .pass
        var report = GateReport(
            result: result, evaluatedAt: input.evaluatedAt, asOf: input.asOf,
            window: window.first.map { first in
                GateReport.Window(firstCycleID: first.id, firstLabel: first.label, lastCycleID: window.last!.id, lastLabel: window.last!.label)
            },
            configHash: input.configHash, criteria: criteria,
            unreachableSources: unreachable(input), contracts: input.contracts)
        report.decisions = input.decisions
        return report
    }

    /// The sources a criterion needed and could not read: capture health's, and legacy's catalog for legacy_quiet.
    private static func unreachable(_ input: GateInput) -> [SourceSide] {
        var sources = input.capture.filter { $0.health == nil }.map(\.source)
        if input.legacyUse?.unreadCatalog != nil, !sources.contains(.legacy) { sources.insert(.legacy, at: 0) }
        return sources
    }

    /// A criterion that fails when `details` is not empty and passes otherwise.
    static func judged(
        _ name: GateCriterion.Name, details: [String], pass: String, fail: String, command: String
    ) -> GateCriterion {
        GateCriterion(name: name, result: details.isEmpty ? .pass : .fail, evidence: details.isEmpty ? pass : fail, details: details, command: command)
    }

    /// `cycle 12 (2026-11-03)`.
    static func cycleText(_ cycle: GateInput.Cycle) -> String { "cycle \(cycle.id) (\(cycle.label))" }

    /// `parity report eod --cycle 12`.
    static func eodCommand(_ cycle: GateInput.Cycle?) -> String {
        cycle.map { "parity report eod --cycle \($0.id)" } ?? "parity report eod"
    }
}
