/// A header mapping's line items (`tables[].line_items`): which mapping holds its lines, how a line names its
/// header, and which columns hold a line's rounded amount and the header's stored total. Used to tell whether
/// each system rounds per line or once over the total.
public struct LineItems: Sendable, Hashable {
    /// The table mapping holding the lines.
    public var mapping: String
    /// The lines mapping's legacy columns naming the header, paired by position with the header's legacy key.
    public var key: [String]
    /// The lines mapping's legacy decimal column holding each line's rounded amount (it needs a `source`).
    public var amount: String
    /// The header's legacy column holding the stored total.
    public var total: String

    /// Creates the declaration.
    public init(mapping: String, key: [String], amount: String, total: String) {
        self.mapping = mapping
        self.key = key
        self.amount = amount
        self.total = total
    }
}
