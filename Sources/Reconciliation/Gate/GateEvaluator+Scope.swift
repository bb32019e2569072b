extension GateInput {
    /// A table mapping's cutover scope in one cycle of the window (`tables[].scope`).
    public struct ScopeShare: Sendable, Equatable {
        /// The cycle's id.
        public var cycle: Int64
        /// The cycle's label.
        public var label: String
        /// The table mapping's name.
        public var mapping: String
        /// The scope as configured then; nil when it had just been removed.
        public var definition: String?
        /// Keys with a row on either side at the cycle's end.
        public var rows: Int
        /// Of those, the keys in scope.
        public var inScope: Int

        /// Creates a share.
        public init(cycle: Int64, label: String, mapping: String, definition: String?, rows: Int, inScope: Int) {
            self.cycle = cycle
            self.label = label
            self.mapping = mapping
            self.definition = definition
            self.rows = rows
            self.inScope = inScope
        }
    }
}

extension GateEvaluator {
    /// Passes when, in every cycle of the window, every scoped mapping had all its rows in scope: a cutover is judged on the
    /// whole table, not the slice migrated so far.
    static func scope(_ shares: [GateInput.ScopeShare], window: [GateInput.Cycle]) -> GateCriterion {
        let partial = shares.filter { $0.inScope < $0.rows }
        let details = partial.map { share in
            "cycle \(share.cycle) (\(share.label)): \(share.mapping) \(EndOfDayReport.ScopeLine.percent(EndOfDayReport.ScopeLine.share(share.inScope, of: share.rows)))"
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
