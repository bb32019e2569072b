/// One object found in a database's catalog that can hold or change state behind the application's back.
public struct InventoryItem: Sendable, Hashable {
    /// What identifies an item across inventories: its kind, table and name.
    public struct ID: Sendable, Hashable, Comparable {
        /// The item's kind.
        public var kind: HiddenStateKind
        /// The table it belongs to (`schema.table`), if any.
        public var table: String?
        /// The item's name.
        public var name: String

        public static func < (lhs: ID, rhs: ID) -> Bool {
            (lhs.kind.rawValue, lhs.table ?? "", lhs.name) < (rhs.kind.rawValue, rhs.table ?? "", rhs.name)
        }
    }

    /// What kind of object it is.
    public var kind: HiddenStateKind
    /// Its catalog name (trigger, rule, policy, column, relation or job name).
    public var name: String
    /// The table it belongs to (or the relation it is), as `schema.table` in catalog spelling.
    public var table: String?
    /// What it does, in a fixed order per kind.
    public var details: [InventoryDetail]
    /// A stable hash of its normalized body or definition, when it has one.
    public var bodyHash: String?
    /// The config entry documenting it; nil when undocumented.
    public var documentation: DocumentedObject?

    /// Creates an undocumented item.
    public init(kind: HiddenStateKind, name: String, table: String? = nil, details: [InventoryDetail] = [], bodyHash: String? = nil) {
        self.kind = kind
        self.name = name
        self.table = table
        self.details = details
        self.bodyHash = bodyHash
    }

    /// The item's identity.
    public var id: ID { ID(kind: kind, table: table, name: name) }

    /// Whether the config documents it.
    public var documented: Bool { documentation != nil }

    /// The detail under `key`, if present.
    public func detail(_ key: String) -> InventoryDetail.Value? {
        details.first { $0.key == key }?.value
    }
}

/// One named fact about an inventory item: a text or a list of texts. Its texts are catalog text, so they are masked
/// (`SecretMask`) as the detail is made: the store, the reports and the API never receive a credential the catalog holds.
public struct InventoryDetail: Sendable, Hashable {
    /// A detail's value.
    public enum Value: Sendable, Hashable, CustomStringConvertible {
        /// One text.
        case text(String)
        /// Several texts, in a meaningful order.
        case list([String])

        /// The text, or the list joined by `, ` (`-` when empty).
        public var description: String {
            switch self {
            case .text(let text): text
            case .list(let items): items.isEmpty ? "-" : items.joined(separator: ", ")
            }
        }
    }

    /// The detail's name (`timing`, `events`, `writes`, …).
    public var key: String
    /// Its value.
    public var value: Value

    /// A text detail, its credentials masked.
    public static func text(_ key: String, _ text: String) -> InventoryDetail {
        InventoryDetail(key: key, value: .text(SecretMask.masked(text)))
    }

    /// A list detail, its items' credentials masked.
    public static func list(_ key: String, _ items: [String]) -> InventoryDetail {
        InventoryDetail(key: key, value: .list(items.map(SecretMask.masked)))
    }
}
