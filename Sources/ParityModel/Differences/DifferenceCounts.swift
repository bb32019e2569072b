/// How many differences of a mapping and kind are open, and the cycle the oldest was first seen in.
public struct OpenDifferenceCount: Sendable, Equatable {
    /// The table mapping.
    public var mapping: String
    /// The difference kind.
    public var kind: FindingKind
    /// Open differences of that mapping and kind.
    public var open: Int
    /// The cycle the oldest of them was first seen in.
    public var oldestFirstSeen: Int64

    /// Creates a count.
    public init(mapping: String, kind: FindingKind, open: Int, oldestFirstSeen: Int64) {
        self.mapping = mapping
        self.kind = kind
        self.open = open
        self.oldestFirstSeen = oldestFirstSeen
    }
}

/// How many differences of one category (mapping, legacy column, kind) the ledger holds.
public struct DifferenceCategoryCount: Sendable, Equatable {
    /// The table mapping.
    public var mapping: String
    /// The legacy column; nil for a missing row.
    public var column: String?
    /// The difference kind.
    public var kind: FindingKind
    /// Open now.
    public var open: Int
    /// Every key-column of the category the ledger holds, open or resolved.
    public var total: Int

    /// Creates a count.
    public init(mapping: String, column: String?, kind: FindingKind, open: Int, total: Int) {
        self.mapping = mapping
        self.column = column
        self.kind = kind
        self.open = open
        self.total = total
    }
}
