import ParityModel

/// A legacy row-level BEFORE trigger whose function assigns columns of `NEW`, as the inventory describes it.
public struct BeforeTrigger: Sendable, Equatable {
    /// The trigger's name.
    public var name: String
    /// The table it is on, `schema.table`.
    public var table: String
    /// The events it fires on (`INSERT`, `UPDATE`).
    public var events: [String]
    /// Its function chain, trigger function first.
    public var functions: [String]
    /// The columns it assigns.
    public var assigns: [String]
    /// Its `WHEN` condition, if any.
    public var condition: String?

    /// Creates trigger facts.
    public init(name: String, table: String, events: [String], functions: [String], assigns: [String], condition: String? = nil) {
        self.name = name
        self.table = table
        self.events = events
        self.functions = functions
        self.assigns = assigns
        self.condition = condition
    }

    /// The trigger `item` describes, when it is a row-level BEFORE trigger assigning at least one column.
    public init?(item: InventoryItem) {
        guard item.kind == .trigger, let table = item.table, item.detail("timing")?.description == TriggerTiming.before.rawValue,
              case .list(let assigns)? = item.detail("assigns_new"), !assigns.isEmpty else { return nil }
        let list = { (key: String) -> [String] in
            guard case .list(let items)? = item.detail(key) else { return [] }
            return items
        }
        self.init(
            name: item.name, table: table, events: list("events"), functions: list("function_chain"), assigns: assigns,
            condition: item.detail("when")?.description)
    }
}

/// A table a legacy trigger keeps up to date, as the co-write analysis of the closed cycles found it.
public struct MaintainedTable: Sendable, Equatable {
    /// The maintained table, `schema.table`.
    public var table: String
    /// The trigger maintaining it.
    public var trigger: String
    /// The table the trigger is on, `schema.table`.
    public var triggerTable: String
    /// The function chain, trigger function first.
    public var functions: [String]
    /// Closed cycles that saw the trigger's table and the maintained table written in one transaction.
    public var cycles: Int
    /// Transactions writing both, over those cycles.
    public var transactions: Int
    /// Transactions writing the trigger's table, over those cycles.
    public var transactionsSeen: Int
    /// Whether the maintained table has a mapping.
    public var mapped: Bool
    /// Whether the trigger is documented.
    public var documented: Bool

    /// Creates the facts.
    public init(
        table: String, trigger: String, triggerTable: String, functions: [String], cycles: Int, transactions: Int, transactionsSeen: Int,
        mapped: Bool, documented: Bool
    ) {
        self.table = table
        self.trigger = trigger
        self.triggerTable = triggerTable
        self.functions = functions
        self.cycles = cycles
        self.transactions = transactions
        self.transactionsSeen = transactionsSeen
        self.mapped = mapped
        self.documented = documented
    }
}
