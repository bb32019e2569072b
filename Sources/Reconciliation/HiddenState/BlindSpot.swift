import ParityConfig
import ParityModel

/// An inventory item whose changes logical replication does not carry, and what Parity does about it.
public struct BlindSpot: Sendable, Hashable {
    /// The item's kind.
    public var kind: HiddenStateKind
    /// The item's name.
    public var name: String
    /// The item's table, `schema.table`, if any.
    public var table: String?
    /// Why the change stream misses it.
    public var reason: String
    /// What Parity does instead.
    public var coverage: Coverage

    /// What Parity does about a blind spot.
    public enum Coverage: String, Sendable, Hashable {
        /// The table is in `hidden_state.snapshot_tables`, but this Parity does not compare snapshots yet: still a gap.
        case snapshotRequested = "requested in hidden_state.snapshot_tables; snapshot comparison is not built yet: not covered"
        /// Nothing: the gap stays open.
        case notCovered = "not covered"
    }

    /// The blind spots in `inventory`, in its item order; tables in `snapshotTables` are marked as requested for snapshot
    /// comparison (which is not built yet, so they stay uncovered).
    public static func find(in inventory: Inventory, snapshotTables: [QualifiedName]) -> [BlindSpot] {
        let snapshots = Set(snapshotTables.map { "\($0.schema).\($0.name)" })
        return inventory.items.compactMap { item in
            guard let reason = reason(for: item) else { return nil }
            let covered = item.kind != .cronJob && item.table.map(snapshots.contains) == true
            return BlindSpot(kind: item.kind, name: item.name, table: item.table, reason: reason,
                             coverage: covered ? .snapshotRequested : .notCovered)
        }
    }

    private static func reason(for item: InventoryItem) -> String? {
        if item.kind == .trigger, case .list(let functions)? = item.detail("unanalyzed_functions"), !functions.isEmpty {
            return "unanalysed: what the trigger writes is unknown, its function \(functions.joined(separator: ", ")) cannot be read"
        }
        return switch item.kind {
        case .unloggedTable: "unlogged tables are not WAL-logged, so their changes are never decoded"
        case .materializedView: "materialized view refreshes are not decoded"
        case .sequence: "sequence advances are not decoded"
        case .generatedColumn: "stored generated columns are not sent by pgoutput"
        case .foreignTable: "foreign table rows live on another server"
        case .noReplicaIdentity: "without a replica identity, updates and deletes carry no key"
        case .cronJob: "scheduled jobs write from inside the server, with no client to trace"
        default: nil
        }
    }
}
