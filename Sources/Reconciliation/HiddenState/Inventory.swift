import ParityConfig
import ParityModel

/// The hidden-state inventory of one database: every item found, the triggers in detail, and notes
/// on what could not be looked at (an extension not installed, rows hidden by RLS).
public struct Inventory: Sendable, Hashable {
    /// Which source it was taken from (`legacy` or `new`).
    public var source: SourceSide
    /// All items, triggers included, sorted by kind, table and name.
    public private(set) var items: [InventoryItem]
    /// The triggers with their function analysis (also present in `items`).
    public var triggers: [TriggerFacts]
    /// What the inventory could not cover, one sentence each.
    public var notes: [String]

    /// Creates an inventory from the non-trigger items and the triggers.
    public init(source: SourceSide, items: [InventoryItem], triggers: [TriggerFacts], notes: [String] = []) {
        self.source = source
        self.items = (items + triggers.map(\.item)).sorted { $0.id < $1.id }
        self.triggers = triggers
        self.notes = notes
    }

    /// The same inventory with each item's `documentation` set from the config's documented objects.
    public func documented(by objects: [DocumentedObject]) -> Inventory {
        var copy = self
        copy.items = items.map { item in
            var item = item
            item.documentation = objects.first { $0.describes(item) }
            return item
        }
        return copy
    }

    /// Items the config does not document.
    public var undocumented: [InventoryItem] { items.filter { !$0.documented } }
}

extension DocumentedObject {
    /// Whether this entry documents `item`: same kind and name, and the same table when the entry names one.
    public func describes(_ item: InventoryItem) -> Bool {
        kind == item.kind && name == item.name && (table.map { "\($0.schema).\($0.name)" == item.table } ?? true)
    }
}
