import ParityModel
import Reconciliation

/// `parity.inventory/1` (docs/json-schemas.md).
struct InventoryDocument: Encodable {
    let schema = "parity.inventory/1"
    let source: SourceSide
    let items: [Item]
    let blindSpots: [Spot]
    let notes: [String]

    init(inventory: Inventory, blindSpots: [BlindSpot]) {
        source = inventory.source
        items = InventoryRenderer.reportOrder(inventory.items).map(Item.init)
        self.blindSpots = blindSpots.map(Spot.init)
        notes = inventory.notes
    }

    enum CodingKeys: String, CodingKey {
        case schema, source, items, blindSpots = "blind_spots", notes
    }

    /// An item; `table`, `disposition` and `body_hash` are written as null when absent.
    struct Item: Encodable {
        let item: InventoryItem

        enum CodingKeys: String, CodingKey {
            case kind, name, table, documented, disposition, details, bodyHash = "body_hash"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(item.kind.rawValue, forKey: .kind)
            try container.encode(item.name, forKey: .name)
            try container.encode(item.table, forKey: .table)
            try container.encode(item.documented, forKey: .documented)
            try container.encode(item.documentation?.disposition.rawValue, forKey: .disposition)
            try container.encode(Details(details: item.details), forKey: .details)
            try container.encode(item.bodyHash, forKey: .bodyHash)
        }
    }

    /// Details as an object: a text detail is a string, a list detail an array of strings.
    struct Details: Encodable {
        let details: [InventoryDetail]

        struct Key: CodingKey {
            let stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            for detail in details {
                switch detail.value {
                case .text(let text): try container.encode(text, forKey: Key(stringValue: detail.key))
                case .list(let items): try container.encode(items, forKey: Key(stringValue: detail.key))
                }
            }
        }
    }

    struct Spot: Encodable {
        let spot: BlindSpot

        enum CodingKeys: String, CodingKey {
            case kind, name, table, reason, whatParityDoes = "what_parity_does"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(spot.kind.rawValue, forKey: .kind)
            try container.encode(spot.name, forKey: .name)
            try container.encode(spot.table, forKey: .table)
            try container.encode(spot.reason, forKey: .reason)
            try container.encode(spot.coverage.rawValue, forKey: .whatParityDoes)
        }
    }
}
