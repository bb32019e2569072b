/// A row image: column name → PostgreSQL text (NULL is nil); an absent column is unknown, not NULL.
public typealias RowImage = [String: String?]

/// One difference found between legacy and new: a row or value of a table mapping, or a legacy table's hidden state.
/// The comparison creates it; the close adds its disposition rule and attribution; the store keeps it; reports show it
/// (`pii` values masked).
public struct Finding: Sendable, Hashable, Codable {
    /// The table mapping's name (for hidden state, the legacy table's).
    public var mapping: String
    /// Legacy key column names → raw key text (for `missing_in_legacy`, the new row's values).
    public var key: [String: String?]
    /// The legacy column name; nil for missing rows.
    public var column: String?
    /// The new column name; nil for missing rows.
    public var newColumn: String?
    /// What kind of difference.
    public var kind: FindingKind
    /// The legacy value as exact text; nil for NULL or a missing row.
    public var legacy: String?
    /// The new value as exact text; nil for NULL or a missing row.
    public var new: String?
    /// The matching disposition rule's category, if any.
    public var disposition: Disposition?
    /// The matching disposition rule's note, if any.
    public var ruleNote: String?
    /// Why the finding is what it is (for `rounding`, the modes each side's value agrees with: `legacy half_even, new half_up`).
    public var explanation: String?
    /// The legacy trigger the finding is attributed to, if any.
    public var attributedTo: String?
    /// The label of the cycle that found it, while it is being compared (the store does not keep it).
    public var cycle: String?
    /// What the cycle did to the legacy row, while it is being compared (trigger attribution reads it); nil when the
    /// cycle did not change the row or it is not known.
    public var legacyChanges: Set<TriggerEvent>?

    /// Creates a finding.
    public init(
        mapping: String, key: [String: String?], column: String? = nil, newColumn: String? = nil, kind: FindingKind,
        legacy: String? = nil, new: String? = nil, disposition: Disposition? = nil, ruleNote: String? = nil,
        explanation: String? = nil, attributedTo: String? = nil, cycle: String? = nil
    ) {
        self.mapping = mapping
        self.key = key
        self.column = column
        self.newColumn = newColumn
        self.kind = kind
        self.legacy = legacy
        self.new = new
        self.disposition = disposition
        self.ruleNote = ruleNote
        self.explanation = explanation
        self.attributedTo = attributedTo
        self.cycle = cycle
    }
}
