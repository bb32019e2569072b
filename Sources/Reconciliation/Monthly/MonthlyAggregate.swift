import ParityConfig

/// One configured aggregate over a month: its groups and how much of its difference each day added.
public struct MonthlyAggregate: Sendable, Equatable {
    /// One cycle's contribution to the aggregate's difference, summed over its groups (exact decimal text).
    public struct DailyDrift: Sendable, Equatable {
        /// The cycle's label (`2026-11-03`).
        public var label: String
        /// The part findings explain (the bridge), summed over groups.
        public var explained: String
        /// The part no finding explains, summed over groups.
        public var unexplained: String

        /// Creates a day's drift.
        public init(label: String, explained: String, unexplained: String) {
            self.label = label
            self.explained = explained
            self.unexplained = unexplained
        }
    }

    /// The aggregate's configured name.
    public var name: String
    /// The table mapping it is computed over.
    public var table: String
    /// What is computed, as text (`sum(total)`).
    public var measure: String
    /// Flow (rows dated in the month) or balance (state at month end).
    public var scope: AggregateScope
    /// Largest per-group difference still considered reconciled (exact decimal text).
    public var tolerance: String
    /// Each group's totals and bridge.
    public var groups: [MonthlyGroup]
    /// Per cycle of the month, in order.
    public var daily: [DailyDrift]

    /// Creates an aggregate's month.
    public init(
        name: String, table: String, measure: String, scope: AggregateScope, tolerance: String, groups: [MonthlyGroup],
        daily: [DailyDrift]
    ) {
        self.name = name
        self.table = table
        self.measure = measure
        self.scope = scope
        self.tolerance = tolerance
        self.groups = groups
        self.daily = daily
    }
}
