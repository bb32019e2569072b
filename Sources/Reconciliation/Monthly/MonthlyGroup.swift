import ParityModel

/// One group of an aggregate: the legacy and new totals and the walk between them by cause (all amounts exact decimal text).
public struct MonthlyGroup: Sendable, Equatable {
    /// One group-by column and its value (nil for NULL).
    public struct Column: Sendable, Equatable {
        /// The legacy column name.
        public var name: String
        /// The value as text; nil for NULL.
        public var value: String?

        /// Creates a column value.
        public init(name: String, value: String?) {
            self.name = name
            self.value = value
        }
    }

    /// The signed amount findings of one kind (or the legacy summary) contribute to the difference.
    public struct BridgeStep: Sendable, Equatable {
        /// The cause: a finding kind (`missing_in_new`, `missing_in_legacy`, `value_mismatch`, `rounding`, `within_tolerance`),
        /// or `legacy_summary`.
        public var kind: DifferenceCause
        /// The signed amount, new minus legacy.
        public var amount: String

        /// Creates a step.
        public init(kind: DifferenceCause, amount: String) {
            self.kind = kind
            self.amount = amount
        }
    }

    /// The group-by columns in configured order (empty for an ungrouped aggregate).
    public var group: [Column]
    /// The legacy total.
    public var legacy: String
    /// The new total.
    public var new: String
    /// New minus legacy.
    public var difference: String
    /// The walk from legacy to new by finding kind, in report order.
    public var bridge: [BridgeStep]
    /// The amount rounding explains (equals the `rounding` step, or 0).
    public var roundingExplained: String
    /// What no finding explains: `difference` minus the bridge.
    public var unexplained: String
    /// The unexplained amount walked by finding kind (a missing row nobody dispositioned, say).
    public var unexplainedByKind: [BridgeStep] = []
    /// How many cycles of the month the group differed in.
    public var daysWithDifferences: Int
    /// Whether the group is within the aggregate's tolerance.
    public var withinTolerance: Bool

    /// Creates a group from amounts already computed exactly.
    public init(
        group: [Column], legacy: String, new: String, difference: String, bridge: [BridgeStep], roundingExplained: String,
        unexplained: String, daysWithDifferences: Int, withinTolerance: Bool
    ) {
        self.group = group
        self.legacy = legacy
        self.new = new
        self.difference = difference
        self.bridge = bridge
        self.roundingExplained = roundingExplained
        self.unexplained = unexplained
        self.daysWithDifferences = daysWithDifferences
        self.withinTolerance = withinTolerance
    }
}

extension MonthlyGroup {
    /// The group as `col=value, col=value` (NULL for a null value), or `(all)` when ungrouped.
    public var groupText: String {
        group.isEmpty ? "(all)" : group.map { "\($0.name)=\($0.value ?? "NULL")" }.joined(separator: ", ")
    }

    /// The unexplained amount by kind, `missing_in_new -22.44; value_mismatch 0.50` (empty when none).
    public var unexplainedText: String {
        unexplainedByKind.map { "\($0.kind.rawValue) \($0.amount)" }.joined(separator: "; ")
    }

    /// The bridge amount of `kind`, or nil when no finding of that kind contributed.
    public func bridgeAmount(_ kind: DifferenceCause) -> String? {
        bridge.first { $0.kind == kind }?.amount
    }
}
