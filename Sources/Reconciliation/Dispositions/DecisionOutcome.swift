/// What `parity disposition set` or `clear` recorded, and the category's standing after it.
public struct DecisionOutcome: Sendable, Equatable {
    /// The row appended to the audit trail.
    public var entry: DecisionHistoryEntry
    /// The category's decision now: the config's rule wins where it has one.
    public var verdict: CategoryVerdict

    /// Creates an outcome.
    public init(entry: DecisionHistoryEntry, verdict: CategoryVerdict) {
        self.entry = entry
        self.verdict = verdict
    }
}
