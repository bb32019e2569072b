import ParityModel

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
