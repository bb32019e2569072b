import ParityModel

/// What changed between two inventories of the same database, by item identity.
public struct InventoryChanges: Sendable, Hashable {
    /// An item present in both inventories whose body or details differ.
    public struct Change: Sendable, Hashable {
        /// The item in the earlier inventory.
        public var before: InventoryItem
        /// The item in the later inventory.
        public var after: InventoryItem
        /// Whether the body hash differs.
        public var bodyChanged: Bool
        /// The detail keys whose values differ, added or removed, in the later item's order.
        public var changedDetails: [String]
    }

    /// Details that describe a moment, not the object (a slot's activity and retained WAL, a standby's state):
    /// they differ from one inventory to the next without anything having changed.
    public static let volatileDetails: Set<String> = ["active", "consumer", "retained_wal_bytes", "state", "sync_state", "client"]

    /// Items only in the later inventory.
    public var added: [InventoryItem]
    /// Items only in the earlier inventory.
    public var removed: [InventoryItem]
    /// Items in both that differ.
    public var changed: [Change]

    /// Compares `earlier` with `later`.
    public init(from earlier: Inventory, to later: Inventory) {
        let before = Dictionary(earlier.items.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let after = Dictionary(later.items.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        added = later.items.filter { before[$0.id] == nil }
        removed = earlier.items.filter { after[$0.id] == nil }
        changed = later.items.compactMap { item in
            guard let old = before[item.id] else { return nil }
            let keys = (item.details.map(\.key) + old.details.map(\.key)).reduce(into: [String]()) { keys, key in
                if !keys.contains(key) { keys.append(key) }
            }
            let changedDetails = keys.filter { !Self.volatileDetails.contains($0) && item.detail($0) != old.detail($0) }
            let bodyChanged = item.bodyHash != old.bodyHash
            guard bodyChanged || !changedDetails.isEmpty else { return nil }
            return Change(before: old, after: item, bodyChanged: bodyChanged, changedDetails: changedDetails)
        }
    }

    /// Whether nothing changed.
    public var isEmpty: Bool { added.isEmpty && removed.isEmpty && changed.isEmpty }
}
