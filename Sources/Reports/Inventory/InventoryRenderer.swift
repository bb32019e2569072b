import ParityModel
import Reconciliation

/// Renders `parity inventory` as text or `parity.inventory/1` JSON.
public enum InventoryRenderer {
    /// The inventory and its blind spots in `format` (text for anything but JSON).
    public static func render(_ inventory: Inventory, blindSpots: [BlindSpot], format: OutputFormat) -> String {
        switch format {
        case .json: JSONRendering.render(InventoryDocument(inventory: inventory, blindSpots: blindSpots))
        case .text, .csv, .html: InventoryText.render(inventory, blindSpots: blindSpots)
        }
    }

    /// Items in report order: undocumented first, then by kind, table and name.
    static func reportOrder(_ items: [InventoryItem]) -> [InventoryItem] {
        items.sorted { ($0.documented ? 1 : 0, $0.id) < ($1.documented ? 1 : 0, $1.id) }
    }
}
