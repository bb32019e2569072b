import ParityModel

/// A cycle's close planned as tasks over ranges of key parts (``PartitionedCycleStore``): what every task and the
/// coordinator's reduce must agree on.
public struct ClosePlan: Sendable, Equatable {
    /// The cycle the close records, as the coordinator that planned it decided it (window, status, close time).
    public var cycle: CycleRecord
    /// The end before which pending changes are folded (µs since 1970); nil for the baseline, which folds nothing.
    public var foldBefore: Int64?
    /// The rules the close compares under (the config's digest and the decisions in force): a process computing a task
    /// under other rules refuses it, so that one cycle is never judged under two.
    public var rules: String
    /// Per mapping whose cutover scope is a scope table, the values it listed when the close was planned: every task
    /// judges the mapping's keys against the same list.
    public var scopeKeys: [String: Set<ExactText>]

    /// Creates a plan.
    public init(cycle: CycleRecord, foldBefore: Int64?, rules: String, scopeKeys: [String: Set<ExactText>] = [:]) {
        self.cycle = cycle
        self.foldBefore = foldBefore
        self.rules = rules
        self.scopeKeys = scopeKeys
    }
}
