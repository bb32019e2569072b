import ExactNumeric

/// One group of an aggregate (for a flow, on one business day) at a cycle's close: both totals and the difference walked by cause.
///
/// `difference` (new − legacy) = Σ `bridge` + `unexplained`. The bridge holds what a known cause explains:
/// rounding always, any other finding kind when its disposition is `intentional_change` or `legacy_bug`.
/// `unexplained` is the rest, itself walked by kind in `unexplainedByKind`, and `residual` is what no row
/// difference accounts for at all.
public struct AggregateGroupResult: Sendable, Equatable {
    /// The aggregate's name.
    public var aggregate: String
    /// A flow's business day (`YYYY-MM-DD`); empty for a balance.
    public var period: String
    /// The group's values, in `group_by` order (legacy terms).
    public var group: [String?]
    /// The legacy value; nil when the group has no legacy rows (min and max).
    public var legacy: ExactDecimal?
    /// The new value; nil when the group has no new rows (min and max).
    public var new: ExactDecimal?
    /// Amounts explained, by finding kind.
    public var bridge: [String: ExactDecimal]
    /// Amounts not explained, by finding kind.
    public var unexplainedByKind: [String: ExactDecimal]
    /// Whether the unexplained amount is within the aggregate's tolerance.
    public var withinTolerance: Bool

    /// Creates a result.
    public init(
        aggregate: String, period: String, group: [String?], legacy: ExactDecimal?, new: ExactDecimal?, bridge: [String: ExactDecimal],
        unexplainedByKind: [String: ExactDecimal], withinTolerance: Bool
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
    public var roundingExplained: ExactDecimal { bridge["rounding"] ?? .zero }

    /// What no known cause explains: `difference` − Σ `bridge`.
    public var unexplained: ExactDecimal { bridge.values.reduce(difference) { $0 - $1 } }

    /// What no row difference accounts for: `unexplained` − Σ `unexplainedByKind`.
    public var residual: ExactDecimal { unexplainedByKind.values.reduce(unexplained) { $0 - $1 } }
}
