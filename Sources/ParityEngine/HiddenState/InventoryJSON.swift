import Foundation
import ParityConfig
import ParityModel
import ParityStore
import Reconciliation

/// A catalog inventory to and from the JSON the store keeps (`inventory_snapshot.items`).
enum InventoryJSON {
    /// One item as stored.
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

    /// A detail: a text or a list.
    private struct Detail: Codable {
        var key: String
        var text: String?
        var list: [String]?
    }

    /// The stored form of `inventory` taken at `takenAt` (µs since 1970).
    static func stored(_ inventory: Inventory, takenAt: Int64) -> StoredInventory {
        let items = inventory.items.map { item in
            Item(kind: item.kind.rawValue, name: item.name, table: item.table, bodyHash: item.bodyHash, documented: item.documented,
                 details: item.details.map { detail in
                     switch detail.value {
                     case .text(let text): Detail(key: detail.key, text: text, list: nil)
                     case .list(let list): Detail(key: detail.key, text: nil, list: list)
                     }
                 })
        }
        return StoredInventory(side: inventory.source, takenAt: takenAt, items: encode(items), notes: encode(inventory.notes))
    }

    /// The inventory a stored snapshot holds (its trigger facts are not kept); nil when it cannot be read back.
    static func inventory(_ stored: StoredInventory) -> Inventory? {
        guard let items = try? JSONDecoder().decode([Item].self, from: Data(stored.items.utf8)),
              let notes = try? JSONDecoder().decode([String].self, from: Data(stored.notes.utf8)) else { return nil }
        let restored = items.compactMap { item -> InventoryItem? in
            guard let kind = HiddenStateKind(rawValue: item.kind) else { return nil }
            let details = item.details.map { detail in
                detail.list.map { InventoryDetail.list(detail.key, $0) } ?? .text(detail.key, detail.text ?? "")
            }
            return InventoryItem(kind: kind, name: item.name, table: item.table, details: details, bodyHash: item.bodyHash)
        }
        return Inventory(source: stored.side, items: restored, triggers: [], notes: notes)
    }

    private static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        // Arrays of plain strings and structs of strings always encode.
        return String(decoding: (try? encoder.encode(value)) ?? Data("[]".utf8), as: UTF8.self)
    }
}
