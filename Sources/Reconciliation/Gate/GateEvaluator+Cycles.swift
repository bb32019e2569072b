import ExactNumeric
import ParityConfig
import ParityModel

extension GateEvaluator {
    /// Enough consecutive closed cycles, none forced, each comparing every configured mapping.
    static func coverage(_ window: [GateInput.Cycle], input: GateInput, required: Int) -> GateCriterion {
        if !input.uninitializedMappings.isEmpty {
            let names = input.uninitializedMappings.joined(separator: ", ")
            return judged(.coverage, details: input.uninitializedMappings.map { "mapping \($0) is not initialized: compared in no cycle" },
                          pass: "", fail: "\(names) not initialized", command: "parity init --add \(input.uninitializedMappings.joined(separator: " "))")
        }
        guard let first = window.first, let last = window.last else {
            return GateCriterion(
                name: .coverage, result: .notEvaluated, evidence: "no closed cycle yet (gate.cycles: \(required))", command: "parity status")
        }
        var details: [String] = []
        for (previous, cycle) in zip(window, window.dropFirst()) where cycle.id != previous.id + 1 {
            details.append("gap: no cycle between \(cycleText(previous)) and \(cycleText(cycle))")
        }
        if let expected = input.expectedLabels, let from = expected.firstIndex(of: first.label), let to = expected.lastIndex(of: last.label), from <= to {
            let closed = Set(window.map(\.label))
            details += expected[from...to].filter { !closed.contains($0) }.map { "business day \($0) has no closed cycle" }
        }
        details += window.filter { $0.status == .forced }.map { "\(cycleText($0)) was closed with --force" }
        for cycle in window {
            let skipped = input.mappings.filter { !cycle.mappingsCompared.contains($0) }
            if !skipped.isEmpty { details.append("\(cycleText(cycle)) did not compare \(skipped.joined(separator: ", "))") }
        }
        let span = "\(first.label) … \(last.label)"
        if !details.isEmpty {
            let offending = window.first { $0.status == .forced } ?? last
            return judged(.coverage, details: details, pass: "", fail: "\(details.count) problem(s) in \(window.count) cycles \(span)",
                          command: eodCommand(offending))
        }
        guard window.count >= required else {
            return GateCriterion(
                name: .coverage, result: .notEvaluated,
                evidence: "\(window.count) of \(required) required closed cycles (\(span))", command: "parity status")
        }
        return judged(.coverage, details: [], pass: "\(window.count) consecutive closed cycles \(span), none forced, every mapping compared",
                      fail: "", command: "parity status")
    }

    /// No more open unexplained differences than `gate.max_open_unexplained` (whatever cycle found them), and every
    /// cycle's unexplained diff rate at or below `gate.max_unexplained_rate`.
    static func unexplainedDiffs(
        _ window: [GateInput.Cycle], maxRate: String, open: GateInput.OpenDifferences, maxOpen: Int
    ) -> GateCriterion {
        guard let limit = ExactDecimal(maxRate), limit.isFinite else {
            return GateCriterion(name: .unexplainedDiffs, result: .notEvaluated,
                                 evidence: "gate.max_unexplained_rate \"\(maxRate)\" is not a decimal", command: "parity check")
        }
        let rated = window.map { (cycle: $0, rate: ExactDecimal($0.unexplainedRate) ?? .nan) }
        guard let worst = rated.max(by: { $0.rate < $1.rate }) else {
            return GateCriterion(name: .unexplainedDiffs, result: .notEvaluated, evidence: "no closed cycle yet", command: "parity status")
        }
        let over = rated.filter { $0.rate > limit }
        let openOver = open.unexplained > maxOpen
        var details: [String] = []
        if openOver {
            details.append("\(open.unexplained) open unexplained difference(s) > gate.max_open_unexplained \(maxOpen), oldest first:")
            details += open.examples
        }
        details += over.map { "\(cycleText($0.cycle)): \($0.cycle.unexplainedRate) > \(maxRate)" }
        let openText = "\(open.unexplained) open unexplained difference(s) of \(open.total) open"
        return judged(
            .unexplainedDiffs, details: details,
            pass: "\(openText) ≤ \(maxOpen); highest unexplained diff rate \(worst.cycle.unexplainedRate) (\(cycleText(worst.cycle))) ≤ \(maxRate)",
            fail: "\(openText) (at most \(maxOpen)); \(over.count) of \(window.count) cycles above \(maxRate); highest \(worst.cycle.unexplainedRate) (\(cycleText(worst.cycle)))",
            command: openOver ? "parity report open" : eodCommand(over.first?.cycle ?? worst.cycle))
    }

    /// Every finding category dispositioned (those seen in the window and those with an open difference; an expired
    /// decision counts as none), no open `match` finding or difference, no reopened `match` decision, no stale rule.
    static func dispositions(
        _ window: [GateInput.Cycle], stale: [String], open: GateInput.OpenDifferences, decisions: [CategoryVerdict]
    ) -> GateCriterion {
        guard let last = window.last else {
            return GateCriterion(name: .dispositions, result: .notEvaluated, evidence: "no closed cycle yet", command: "parity status")
        }
        var seen = Set<GateInput.Category>()
        let categories = (window.flatMap(\.categories) + open.categories).filter { seen.insert($0).inserted }
        let undecided = categories.filter { $0.disposition == nil }
        let expired = Dictionary(decisions.filter(\.expired).map { ($0.category, $0) }, uniquingKeysWith: { first, _ in first })
        var details = undecided.map { category in
            let lapsed = expired[DispositionCategory(table: category.table, column: category.column, kind: category.kind)]
            return "\(category.table)\(category.column.map { ".\($0)" } ?? "") \(category.kind.rawValue): no disposition"
                + (lapsed.flatMap(DecisionText.expiry).map { " (\($0))" } ?? "")
        }
        let reopened = decisions.filter { $0.reopened != nil }
        details += reopened.map(DecisionText.reopening)
        let matches = window.filter { $0.openMatchFindings > 0 }
        if let first = matches.first {
            let count = matches.reduce(0) { $0 + $1.openMatchFindings }
            details.append("\(count) finding(s) dispositioned match (open defects), first in \(cycleText(first))"
                + (first.firstOpenMatchFinding.map { ": \($0)" } ?? ""))
        }
        if open.matched > 0 { details.append("\(open.matched) open difference(s) dispositioned match (open defects): parity report open") }
        details += stale.map { "stale rule (matched nothing in gate.stale_after_cycles cycles): \($0)" }
        return judged(
            .dispositions, details: details,
            pass: "\(categories.count) finding categories, all dispositioned; no open match finding; no stale rule",
            fail: "\(undecided.count) of \(categories.count) categories undispositioned, \(matches.count) cycle(s) with open match findings, \(open.matched) open match difference(s), "
                + (reopened.isEmpty ? "" : "\(reopened.count) reopened, ") + "\(stale.count) stale rule(s)",
            command: !reopened.isEmpty ? "parity disposition list"
                : open.matched > 0 || undecided.contains(where: open.categories.contains) ? "parity report open" : eodCommand(matches.first ?? last))
    }
}
