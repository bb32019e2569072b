import ParityModel

/// What the totals of one column show: per line, per total, both fit every total, or neither explains them all.
public struct TotalRoundingVerdict: Sendable, Hashable {
    /// The rule every total agrees with; `.neither` when no single rule explains them all or none was seen.
    public let rounding: TotalRounding
    /// Counts behind the verdict, e.g. "per_line, 40/40 distinguishing totals (1,160 more fit both)".
    public let evidence: String
}
