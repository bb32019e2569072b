/// What one cycle's rows showed about the rounding of one subject on one side: a decimal column against its unrounded
/// source expression, or a header's total against its line items.
public struct SubjectRoundingEvidence: Sendable, Hashable {
    /// The evidence, by what it is about.
    public enum Evidence: Sendable, Hashable {
        /// A decimal column against its unrounded source expression.
        case column(RoundingEvidence)
        /// A header's total against its line items.
        case total(TotalRoundingEvidence)
    }

    /// The table mapping's name (the header's, for a total).
    public var mapping: String
    /// The legacy column name; for a total, what was summed (`total = Σ invoice_lines.amount`).
    public var column: String
    /// The side whose rows showed it.
    public var side: SourceSide
    /// What they showed.
    public var evidence: Evidence

    /// Creates a subject's evidence.
    public init(mapping: String, column: String, side: SourceSide, evidence: Evidence) {
        self.mapping = mapping
        self.column = column
        self.side = side
        self.evidence = evidence
    }
}
