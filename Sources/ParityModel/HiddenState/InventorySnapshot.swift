/// A source's catalog inventory as a close records it: every item (triggers included, without their function analysis)
/// and what could not be looked at.
public struct InventorySnapshot: Sendable, Hashable {
    /// The source it was taken from.
    public var side: SourceSide
    /// When it was taken (µs since 1970, local clock).
    public var takenAt: Int64
    /// Every item, in inventory order; `documented` as the config said when it was taken.
    public var items: [Item]
    /// What the inventory could not cover, one sentence each.
    public var notes: [String]

    /// An item and whether the config documented it when the inventory was taken.
    public struct Item: Sendable, Hashable {
        /// The catalog object.
        public var item: InventoryItem
        /// Whether the config documented it then.
        public var documented: Bool

        /// Creates a recorded item.
        public init(_ item: InventoryItem, documented: Bool) {
            self.item = item
            self.documented = documented
        }
    }

    /// Creates a snapshot.
    public init(side: SourceSide, takenAt: Int64, items: [Item], notes: [String]) {
        self.side = side
        self.takenAt = takenAt
        self.items = items
        self.notes = notes
    }
}
