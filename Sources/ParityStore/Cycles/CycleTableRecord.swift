/// One table mapping's counts in a closed cycle.
public struct CycleTableRecord: Sendable, Equatable {
    /// The table mapping's name.
    public var mapping: String
    /// Keys compared.
    public var compared: Int
    /// Keys compared with no finding and not carried.
    public var matched: Int
    /// Findings reported, per finding kind.
    public var findingsByKind: [String: Int]

    /// Creates a record.
    public init(mapping: String, compared: Int, matched: Int, findingsByKind: [String: Int]) {
        self.mapping = mapping
        self.compared = compared
        self.matched = matched
        self.findingsByKind = findingsByKind
    }
}
