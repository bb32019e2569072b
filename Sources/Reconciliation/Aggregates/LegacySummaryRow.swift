/// One row of a legacy summary table (`aggregates[].legacy_summary`): its group values in the aggregate's
/// `group_by` order, its date (flows) and its value, as text.
public struct LegacySummaryRow: Sendable, Hashable {
    /// Group values, positionally matching the aggregate's `group_by`.
    public var group: [String?]
    /// The date column's value; nil for a balance.
    public var date: String?
    /// The total.
    public var value: String?

    /// Creates a row.
    public init(group: [String?], date: String?, value: String?) {
        self.group = group
        self.date = date
        self.value = value
    }
}
