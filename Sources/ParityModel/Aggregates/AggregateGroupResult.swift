import ExactNumeric

/// One group of an aggregate (for a flow, on one business day) at a cycle's close: both totals and the difference walked
/// by cause. The close computes it, the store keeps it, the reports show it.
///
/// `difference` (new − legacy) = Σ `bridge` + `unexplained`. The bridge holds what a known cause explains:
/// rounding always, any other finding kind when its disposition is `intentional_change` or `legacy_bug`.
/// `unexplained` is the rest, itself walked by cause in `unexplainedByKind`, and `residual` is what no row
/// difference accounts for at all.
public struct AggregateGroupResult: Sendable, Equatable {
    /// The aggregate's name.
    public var aggregate: String
    /// A flow's business day (`YYYY-MM-DD`); empty for a balance.
    public var period: String
    /// Legacy `group_by` column → the group's value.
    public var group: [String: String?]
    /// The legacy value; nil when the group has no legacy rows (min and max).
    public var legacy: ExactDecimal?
    /// The new value; nil when the group has no new rows (min and max).
    public var new: ExactDecimal?
    /// Amounts explained, by cause.
    public var bridge: [DifferenceCause: ExactDecimal]
    /// Amounts not explained, by cause.
    public var unexplainedByKind: [DifferenceCause: ExactDecimal]
    /// Whether the unexplained amount is within the aggregate's tolerance.
    public var withinTolerance: Bool

    /// Creates a result.
    public init(
        aggregate: String, period: String, group: [String: String?], legacy: ExactDecimal?, new: ExactDecimal?,
        bridge: [DifferenceCause: ExactDecimal], unexplainedByKind: [DifferenceCause: ExactDecimal], withinTolerance: Bool
    ) {
        self.aggregate = aggregate
        self.period = period
        self.group = group
        self.legacy = legacy
        self.new = new
        self.bridge = bridge
        self.unexplainedByKind = unexplainedByKind
        self.withinTolerance = withinTolerance
    }

    /// new − legacy (a missing value counts as zero).
    public var difference: ExactDecimal { (new ?? .zero) - (legacy ?? .zero) }

    /// The part the group's rounding differences explain (`bridge.rounding`).
    public var roundingExplained: ExactDecimal { bridge[.finding(.rounding)] ?? .zero }

    /// What no known cause explains: `difference` − Σ `bridge`.
    public var unexplained: ExactDecimal { bridge.values.reduce(difference) { $0 - $1 } }

    /// What no row difference accounts for: `unexplained` − Σ `unexplainedByKind`.
    public var residual: ExactDecimal { unexplainedByKind.values.reduce(unexplained) { $0 - $1 } }

    /// The group's values in `columns` order (a column the group lacks is NULL).
    public func groupValues(_ columns: [String]) -> [String?] {
        columns.map { group[$0] ?? nil }
    }

    /// Whether it records a day and group with no rows on either side (every amount zero, no cause).
    public var isEmpty: Bool {
        (legacy ?? .zero).isZero && (new ?? .zero).isZero && bridge.isEmpty && unexplainedByKind.isEmpty
    }

    /// Whether `other` records the same values with the same digits: a value written `1.50` and one written `1.5` differ
    /// here (reports show the digits), though they are equal.
    public func sameDigits(as other: AggregateGroupResult) -> Bool {
        func digits(_ amounts: [DifferenceCause: ExactDecimal]) -> [DifferenceCause: String] { amounts.mapValues(\.description) }
        return self == other && legacy?.description == other.legacy?.description && new?.description == other.new?.description
            && digits(bridge) == digits(other.bridge) && digits(unexplainedByKind) == digits(other.unexplainedByKind)
    }
}
