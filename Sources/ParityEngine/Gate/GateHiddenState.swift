import ParityConfig
import ParityModel
import ParityStore
import Reconciliation

/// The hidden-state criterion's evidence over a window of cycles, judged under the current config (an
/// object documented after a cycle closed counts as documented).
enum GateHiddenState {
    /// The lists for cycles `ids` (oldest first); nil when no legacy inventory was taken in the window.
    static func load(_ configuration: ParityConfiguration, store: any Store, cycles ids: [Int64]) throws -> GateInput.HiddenState? {
        guard let last = ids.last,
              let (taken, stored) = try store.inventory(side: .legacy, atOrBefore: last),
              taken >= ids.first! else { return nil }
        let inventory = Inventory(stored).documented(by: configuration.hiddenState.documented)
        let documented = configuration.hiddenState.documented
        let mapped = Set(configuration.tables.map { HiddenStateRun.name($0.legacy) })
        let ignored = Set(configuration.hiddenState.ignoreTables.map(HiddenStateRun.name))
        // One line per table (the window repeats the same finding every cycle): the first cycle's.
        var maintained: [String: String] = [:]
        var writes: [String: String] = [:]
        var changes: [String] = []
        for id in ids {
            for line in try store.hiddenState(cycle: id) {
                switch line.kind {
                case .hiddenStateUnmapped:
                    let nowDocumented = documented.contains { $0.kind == .trigger && $0.name == line.trigger }
                    if !nowDocumented, !mapped.contains(line.table), !ignored.contains(line.table) {
                        maintained[line.table] = maintained[line.table] ?? "\(line.table) by trigger \(line.trigger ?? "?") (cycle \(id))"
                    }
                case .unmappedWrites where !mapped.contains(line.table) && !ignored.contains(line.table):
                    writes[line.table] = writes[line.table] ?? "\(line.table): \(line.transactions) transactions, \(line.rows ?? 0) rows (cycle \(id))"
                default:
                    break
                }
            }
            for change in try store.inventoryChanges(cycle: id) {
                let item = inventory.items.first { $0.kind == change.kind && $0.name == change.name && $0.table == change.table }
                guard item?.documented != true else { continue }
                changes.append("\(change.change.rawValue) \(change.kind.rawValue) \(change.name)" + (change.table.map { " on \($0)" } ?? "") + " (cycle \(id))")
            }
        }
        let blind = BlindSpot.find(in: inventory, snapshotTables: configuration.hiddenState.snapshotTables).filter { spot in
            !inventory.items.contains { $0.kind == spot.kind && $0.name == spot.name && $0.table == spot.table && $0.documented }
        }
        return GateInput.HiddenState(
            undocumented: inventory.undocumented.map { "\($0.kind.rawValue) \($0.name)" + ($0.table.map { " on \($0)" } ?? "") },
            unmappedTriggerMaintained: maintained.keys.sorted().map { maintained[$0]! },
            unmappedWrites: writes.keys.sorted().map { writes[$0]! },
            uncoveredBlindSpots: blind.map { "\($0.kind.rawValue) \($0.name): \($0.reason)" },
            inventoryChanges: changes)
    }
}
