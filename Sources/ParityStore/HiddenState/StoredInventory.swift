import ParityModel

/// A source's catalog inventory as a cycle close recorded it (`items` and `notes` are JSON the engine reads back).
public struct StoredInventory: Sendable, Equatable {
    /// `legacy` or `new`.
    public var side: SourceSide
    /// When it was taken (µs since 1970, local clock).
    public var takenAt: Int64
    /// The items as a JSON array.
    public var items: String
    /// Notes (what could not be seen) as a JSON array of text.
    public var notes: String

    /// Creates a stored inventory.
    public init(side: SourceSide, takenAt: Int64, items: String, notes: String) {
        self.side = side
        self.takenAt = takenAt
        self.items = items
        self.notes = notes
    }
}

/// One inventory item added, removed or changed since the previous snapshot.
public struct StoredInventoryChange: Sendable, Equatable {
    /// `legacy` or `new`.
    public var side: SourceSide
    /// `added`, `removed` or `changed`.
    public var change: String
    /// The item's kind (`trigger`, `rule`, …).
    public var kind: String
    /// The item's name.
    public var name: String
    /// The table it belongs to, `schema.table`.
    public var table: String?
    /// Whether `hidden_state.documented` names it.
    public var documented: Bool
    /// What changed (`body`, detail keys), or empty.
    public var detail: String

    /// Creates a change.
    public init(side: SourceSide, change: String, kind: String, name: String, table: String?, documented: Bool, detail: String) {
        self.side = side
        self.change = change
        self.kind = kind
        self.name = name
        self.table = table
        self.documented = documented
        self.detail = detail
    }
}
