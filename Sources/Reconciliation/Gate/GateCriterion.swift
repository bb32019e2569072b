/// One gate criterion's outcome with its evidence and where to look further.
public struct GateCriterion: Sendable, Equatable {
    /// The criteria, in the order the gate evaluates them.
    public enum Name: String, Sendable, Equatable, CaseIterable {
        /// `gate.cycles` consecutive closed cycles, none forced, each comparing every mapping.
        case coverage
        /// Every cycle's unexplained diff rate at or below `gate.max_unexplained_rate`.
        case unexplainedDiffs = "unexplained_diffs"
        /// Every finding category dispositioned, no open `match` finding, no stale rule.
        case dispositions
        /// The last complete month's aggregate groups within tolerance.
        case aggregates
        /// No undocumented object, unmapped trigger-maintained table, unmapped write, blind spot or inventory change.
        case hiddenState = "hidden_state"
        /// The last `parity verify --sources` found the store equal to the sources and is at most `verify.max_age` old;
        /// the last `--state`, if any, found the ledger equal to the state.
        case verification
        /// No legacy write in the last `gate.legacy_quiet_cycles` cycles (only when that is above 0).
        case legacyQuiet = "legacy_quiet"
        /// Each source reachable, slot present and not lost, lag within `gate.max_lag`.
        case captureHealth = "capture_health"
        /// Contracts exported under the decisions in force (only when `gate.require_contracts_export` is true).
        case contracts
        /// Every scoped mapping wholly in scope in every cycle of the window (only when a mapping has or had a cutover scope).
        case scope
    }

    /// Which criterion.
    public var name: Name
    /// Pass, fail or not evaluated.
    public var result: GateReport.Result
    /// The evidence in one line.
    public var evidence: String
    /// Offending items, first ones first (empty when it passes).
    public var details: [String]
    /// The command that shows more (`parity report eod --cycle 12`).
    public var command: String

    /// Creates an outcome.
    public init(
        name: Name, result: GateReport.Result, evidence: String, details: [String] = [], command: String
    ) {
        self.name = name
        self.result = result
        self.evidence = evidence
        self.details = details
        self.command = command
    }
}
