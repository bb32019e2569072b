import Foundation
import ParityModel

/// How `inventory_snapshot` keeps an inventory: `items` as a JSON array (sorted keys; each item's kind, name, table,
/// `body_hash`, `documented` and details, a detail being a key with a `text` or a `list`) and `notes` as a JSON array of text.
package enum InventorySnapshotColumns {
    private struct Item: Codable {
        var kind: String
        var name: String
        var table: String?
        var bodyHash: String?
        var documented: Bool
        var details: [Detail]

        enum CodingKeys: String, CodingKey {
            case kind, name, table, bodyHash = "body_hash", documented, details
        }
    }

    private struct Detail: Codable {
        var key: String
        var text: String?
        var list: [String]?
    }

    /// The `items` and `notes` columns of `snapshot`.
    package static func encode(_ snapshot: InventorySnapshot) throws -> (items: String, notes: String) {
        let items = snapshot.items.map { recorded in
            Item(kind: recorded.item.kind.rawValue, name: recorded.item.name, table: recorded.item.table, bodyHash: recorded.item.bodyHash,
                 documented: recorded.documented, details: recorded.item.details.map { detail in
                     switch detail.value {
                     case .text(let text): Detail(key: detail.key, text: text, list: nil)
                     case .list(let list): Detail(key: detail.key, text: nil, list: list)
                     }
                 })
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return (String(decoding: try encoder.encode(items), as: UTF8.self), String(decoding: try encoder.encode(snapshot.notes), as: UTF8.self))
    }

    /// The snapshot in a row's columns; throws ``UnknownStoredValue`` for JSON it cannot read or an item kind this Parity
    /// does not know.
    package static func decode(side: SourceSide, takenAt: Int64, items: String, notes: String) throws -> InventorySnapshot {
        let decoder = JSONDecoder()
        guard let stored = try? decoder.decode([Item].self, from: Data(items.utf8)) else {
            throw UnknownStoredValue(column: "items", value: items, expected: "inventory items")
        }
        guard let notes = try? decoder.decode([String].self, from: Data(notes.utf8)) else {
            throw UnknownStoredValue(column: "notes", value: notes, expected: "inventory notes")
        }
        let recorded = try stored.map { item in
            guard let kind = HiddenStateKind(rawValue: item.kind) else {
                throw UnknownStoredValue(column: "items", value: item.kind, expected: HiddenStateKind.storedName)
            }
            let details = item.details.map { detail in
                detail.list.map { InventoryDetail.list(detail.key, $0) } ?? .text(detail.key, detail.text ?? "")
            }
            return InventorySnapshot.Item(
                InventoryItem(kind: kind, name: item.name, table: item.table, details: details, bodyHash: item.bodyHash), documented: item.documented)
        }
        return InventorySnapshot(side: side, takenAt: takenAt, items: recorded, notes: notes)
    }
}
