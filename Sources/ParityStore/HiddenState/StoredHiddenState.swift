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

/// One line of a cycle's co-write analysis: a trigger-maintained table, hidden state with no counterpart,
/// or writes to a legacy table nobody mapped.
public struct StoredHiddenState: Sendable, Equatable {
    /// `trigger_maintained`, `hidden_state_unmapped` or `unmapped_writes`.
    public var kind: String
    /// The table written, `schema.table`.
    public var table: String
    /// The trigger maintaining it.
    public var trigger: String?
    /// The table the trigger is on.
    public var triggerTable: String?
    /// The function chain, trigger function first.
    public var functions: [String]
    /// Transactions writing both tables (or writing the table).
    public var transactions: Int
    /// Transactions touching the trigger's table.
    public var transactionsSeen: Int?
    /// Rows written (unmapped writes).
    public var rows: Int?
    /// Whether the table has a mapping.
    public var mapped: Bool
    /// Whether the trigger is documented.
    public var documented: Bool
    /// One line for people.
    public var message: String

    /// Creates a line.
    public init(
        kind: String, table: String, trigger: String?, triggerTable: String?, functions: [String], transactions: Int,
        transactionsSeen: Int?, rows: Int?, mapped: Bool, documented: Bool, message: String
    ) {
        self.kind = kind
        self.table = table
        self.trigger = trigger
        self.triggerTable = triggerTable
        self.functions = functions
        self.transactions = transactions
        self.transactionsSeen = transactionsSeen
        self.rows = rows
        self.mapped = mapped
        self.documented = documented
        self.message = message
    }
}
