import Reconciliation

/// The inventory as plain text: a count line, undocumented items by kind, documented items by kind,
/// then the blind spots and notes.
enum InventoryText {
    static func render(_ inventory: Inventory, blindSpots: [BlindSpot]) -> String {
        let undocumented = inventory.undocumented.count
        let requested = blindSpots.filter { $0.coverage == .snapshotRequested }.count
        var lines = [
            "\(inventory.source) inventory: \(counted(inventory.items.count, "item")), \(undocumented) undocumented, "
                + "\(inventory.items.count - undocumented) documented; \(counted(blindSpots.count, "blind spot")) "
                + "(\(requested) requested for snapshot comparison, not built yet); \(counted(inventory.notes.count, "note"))",
        ]
        let ordered = InventoryRenderer.reportOrder(inventory.items)
        for documented in [false, true] {
            let section = ordered.filter { $0.documented == documented }
            guard !section.isEmpty else { continue }
            lines += ["", documented ? "documented (\(section.count)):" : "UNDOCUMENTED (\(section.count)):"]
            var kind: String?
            for item in section {
                if item.kind.rawValue != kind {
                    kind = item.kind.rawValue
                    lines.append("  \(item.kind.rawValue)")
                }
                let disposition = item.documentation.map { "  [\($0.disposition.rawValue)]" } ?? ""
                lines.append("    " + [item.table, item.name].compactMap { $0 }.joined(separator: "  ") + disposition)
                lines += item.details.map { "        \($0.key): \($0.value)" }
            }
        }
        if !blindSpots.isEmpty { lines += ["", "blind spots (not carried by logical replication):"] }
        for spot in blindSpots {
            let subject = spot.table.map { $0.hasSuffix("." + spot.name) ? $0 : "\($0).\(spot.name)" } ?? spot.name
            lines.append("  \(spot.kind.rawValue)  \(subject)  — \(spot.coverage.rawValue) (\(spot.reason))")
        }
        if !inventory.notes.isEmpty { lines += ["", "notes:"] + inventory.notes.map { "  \($0)" } }
        return Escaping.lines(lines)
    }

    /// `1 note`, `2 notes`.
    private static func counted(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
