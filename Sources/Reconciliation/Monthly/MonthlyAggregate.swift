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

    /// The daily drift of the groups of one unit (one currency): amounts of different units are never added.
    public struct UnitDrift: Sendable, Equatable {
        /// The unit (`EUR`); nil for groups whose unit column is NULL.
        public var unit: String?
        /// Per cycle of the month, in order, summed over that unit's groups.
        public var daily: [DailyDrift]

        /// Creates a unit's drift.
        public init(unit: String?, daily: [DailyDrift]) {
            self.unit = unit
            self.daily = daily
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
    /// Per cycle of the month, in order, summed over every group (only meaningful without a ``unit``).
    public var daily: [DailyDrift]
    /// The group-by column holding each group's unit (its currency), if any.
    public var unit: String?
    /// With a ``unit``: the daily drift per unit value, in unit order; empty without one.
    public var dailyByUnit: [UnitDrift] = []
    /// The row filter, as configured.
    public var filter: String?
    /// Where legacy's totals come from when not computed from its rows: the summary table and its value column.
    public var legacySummary: String?
    /// When its table was compared under a cutover scope short of every row in some cycle of the month: the share in scope
    /// over those cycles and the last scope (`1.0%–25.2% of orders in scope (last: customer_id % 100 < 25)`).
    public var cutoverScope: String?

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

extension MonthlyAggregate {
    /// What the drift chart draws: one series per unit with a unit (`EUR`, `USD`), else one over every group.
    public var driftSeries: [(unit: String?, daily: [DailyDrift])] {
        unit == nil ? [(nil, daily)] : dailyByUnit.map { ($0.unit, $0.daily) }
    }
}
