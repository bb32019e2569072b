import ParityConfig
import ParityModel

/// A row image from the store: column name → PostgreSQL text (NULL is nil); an absent column is unknown, not NULL.
public typealias RowImage = [String: String?]

/// One difference found between a legacy row and its new counterpart.
public struct Finding: Sendable, Hashable {
    /// The table mapping's name.
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
    /// The cycle's label, when known.
    public var cycle: String?
    /// For `rounding`: the modes each side's value agrees with (`legacy half_even, new half_up`).
    public var explanation: String?
    /// What the cycle did to the legacy row (trigger attribution reads it); nil when it did not change the row or is not known.
    public var legacyChanges: Set<TriggerEvent>?

    /// Creates a finding.
    public init(
        mapping: String, key: [String: String?], column: String? = nil, newColumn: String? = nil, kind: FindingKind,
        legacy: String? = nil, new: String? = nil, cycle: String? = nil, explanation: String? = nil
    ) {
        self.mapping = mapping
        self.key = key
        self.column = column
        self.newColumn = newColumn
        self.kind = kind
        self.legacy = legacy
        self.new = new
        self.cycle = cycle
        self.explanation = explanation
    }
}
