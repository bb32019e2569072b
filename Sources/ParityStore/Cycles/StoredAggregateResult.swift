import ParityModel

/// One group of an aggregate at a cycle's close, as the store keeps it (amounts are exact decimal text).
public struct StoredAggregateResult: Sendable, Equatable {
    /// The aggregate's name.
    public var aggregate: String
    /// A flow's business day (`YYYY-MM-DD`); empty for a balance.
    public var period: String
    /// Legacy group_by column → group value.
    public var group: [String: String?]
    /// The legacy value; nil when the group has no legacy rows (min and max).
    public var legacy: String?
    /// The new value; nil when the group has no new rows.
    public var new: String?
    /// new − legacy.
    public var difference: String
    /// Explained amounts by finding kind.
    public var bridge: [String: String]
    /// difference − Σ bridge.
    public var unexplained: String
    /// The unexplained amount walked by finding kind.
    public var unexplainedByKind: [String: String]
    /// Whether `unexplained` is within the aggregate's tolerance.
    public var withinTolerance: Bool

    /// Creates a stored result.
    public init(
        aggregate: String, period: String, group: [String: String?], legacy: String?, new: String?, difference: String, bridge: [String: String],
        unexplained: String, unexplainedByKind: [String: String], withinTolerance: Bool
    ) {
        self.aggregate = aggregate
        self.period = period
        self.group = group
        self.legacy = legacy
        self.new = new
        self.difference = difference
        self.bridge = bridge
        self.unexplained = unexplained
        self.unexplainedByKind = unexplainedByKind
        self.withinTolerance = withinTolerance
    }
}

/// Rounding evidence of one decimal column, or of one header total against its line items, on one side in one cycle
/// (`evidence` is JSON the engine reads back).
public struct StoredRoundingEvidence: Sendable, Equatable {
    /// What the evidence is about (`rounding_evidence.kind`).
    public enum Kind: String, Sendable {
        /// A decimal column against its unrounded source expression.
        case column
        /// A header's total against its line items (`line_items`).
        case total
    }

    /// What the evidence is about.
    public var kind: Kind
    /// The table mapping's name (the header's, for a total).
    public var mapping: String
    /// The legacy column name; for a total, what was summed (`total = Σ invoice_lines.amount`).
    public var column: String
    /// `legacy` or `new`.
    public var side: SourceSide
    /// The evidence as JSON text.
    public var evidence: String

    /// Creates stored evidence.
    public init(kind: Kind, mapping: String, column: String, side: SourceSide, evidence: String) {
        self.kind = kind
        self.mapping = mapping
        self.column = column
        self.side = side
        self.evidence = evidence
    }
}
