import ParityConfig
import ParityModel
import PostgresClient
import Reconciliation

/// `parity inventory`: connects to one configured source and takes its inventory, documented items
/// marked from `hidden_state.documented`, with the blind spots of logical replication.
public enum InventoryCommand {
    /// What `parity inventory` reports.
    public struct Outcome: Sendable {
        /// The inventory, documentation applied.
        public var inventory: Inventory
        /// Items the change stream cannot see and what Parity does about each.
        public var blindSpots: [BlindSpot]
    }

    /// Takes the inventory of `side`; an unreachable source or unreadable catalog is `.sourceUnreachable`.
    public static func run(_ configuration: ParityConfiguration, side: SourceSide, schemas: [String]? = nil) throws(EngineError) -> Outcome {
        do {
            let connection = try PostgresConnection.connect(ConnectionOptions(source: configuration.sources[side]))
            defer { connection.close() }
            let inventory = try CatalogInventory(
                connection: connection, source: side, schemas: schemas, footprint: ParityFootprint(configuration, side: side)
            ).take()
                .documented(by: side == .legacy ? configuration.hiddenState.documented : [])
            return Outcome(
                inventory: inventory,
                blindSpots: BlindSpot.find(in: inventory, snapshotTables: configuration.hiddenState.snapshotTables))
        } catch {
            throw EngineError(
                .sourceUnreachable, source: side.rawValue, message: "cannot take the inventory: \(error)",
                fix: "check that the source is reachable (parity check) and that the role can read the catalog")
        }
    }
}
