import ParityModel

extension Inventory {
    /// The inventory as a close records it, taken at `takenAt` (µs since 1970): items with whether they are documented,
    /// without the triggers' function analysis.
    public func snapshot(takenAt: Int64) -> InventorySnapshot {
        InventorySnapshot(
            side: source, takenAt: takenAt, items: items.map { InventorySnapshot.Item($0, documented: $0.documented) }, notes: notes)
    }

    /// The inventory a recorded snapshot holds: its items undocumented (``documented(by:)`` applies the config again) and
    /// no trigger analysis.
    public init(_ snapshot: InventorySnapshot) {
        self.init(source: snapshot.side, items: snapshot.items.map(\.item), triggers: [], notes: snapshot.notes)
    }
}
