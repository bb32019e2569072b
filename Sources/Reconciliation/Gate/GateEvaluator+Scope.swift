import ParityModel

extension GateEvaluator {
    /// Passes when, in every cycle of the window, every scoped mapping had all its rows in scope: a cutover is judged on the
    /// whole table, not the slice migrated so far.
    static func scope(_ shares: [ScopeShare], window: [GateInput.Cycle]) -> GateCriterion {
        let partial = shares.filter { !$0.isFull }
        let labels = Dictionary(window.map { ($0.id, $0.label) }, uniquingKeysWith: { first, _ in first })
        let details = partial.map { share in
            "cycle \(share.cycle) (\(labels[share.cycle] ?? "?")): \(share.mapping) \(EndOfDayReport.ScopeLine.percent(EndOfDayReport.ScopeLine.share(share.inScope, of: share.rows)))"
                + " in scope (\(share.inScope) of \(share.rows) keys) under \(share.definition ?? "no scope")"
        }
        let mappings = Set(shares.map(\.mapping)).sorted().joined(separator: ", ")
        return judged(
            .scope, details: details,
            pass: "every row of \(mappings.isEmpty ? "every mapping" : mappings) in scope in each of \(window.count) cycle(s)",
            fail: "\(Set(partial.map(\.cycle)).count) of \(window.count) cycle(s) compared only part of a table: the gate needs 100% scope",
            command: eodCommand(partial.last.flatMap { share in window.first { $0.id == share.cycle } }))
    }
}
