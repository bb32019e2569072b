import ParityModel

/// A finding reported by a closed cycle, as the store keeps it.
public struct StoredFinding: Sendable, Equatable {
    /// The table mapping's name.
    public var mapping: String
    /// Legacy key column names → key text.
    public var key: [String: String?]
    /// The legacy column; nil for a missing row.
    public var column: String?
    /// The new column; nil for a missing row.
    public var newColumn: String?
    /// What the finding says.
    public var kind: FindingKind
    /// The legacy value as exact text; nil for NULL or a missing row.
    public var legacy: String?
    /// The new value as exact text; nil for NULL or a missing row.
    public var new: String?
    /// The matching disposition rule's category, if any.
    public var disposition: Disposition?
    /// The matching disposition rule's note, if any.
    public var ruleNote: String?
    /// Why the finding is what it is (for `rounding`, the modes of each side).
    public var explanation: String?
    /// The legacy trigger the finding is attributed to, if any.
    public var attributedTo: String?

    /// Creates a stored finding.
    public init(
        mapping: String, key: [String: String?], column: String?, newColumn: String?, kind: FindingKind, legacy: String?,
        new: String?, disposition: Disposition?, ruleNote: String?, explanation: String? = nil, attributedTo: String? = nil
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
    }
}
