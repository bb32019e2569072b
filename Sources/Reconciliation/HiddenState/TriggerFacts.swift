import ParityModel

/// A trigger as the catalog and its function bodies describe it; the co-write analysis reads these.
public struct TriggerFacts: Sendable, Hashable {
    /// The trigger's name.
    public var name: String
    /// The table it is on, `schema.table`.
    public var table: String
    /// Timing, events and level.
    public var type: TriggerType
    /// Whether and when it fires.
    public var enabled: TriggerEnabledState
    /// Its function, `schema.name`.
    public var function: String
    /// What its function reaches through calls.
    public var reach: FunctionReach
    /// Its `WHEN` condition as PostgreSQL prints it, without the parentheses; nil when it has none.
    public var condition: String?

    /// Creates trigger facts.
    public init(
        name: String, table: String, type: TriggerType, enabled: TriggerEnabledState, function: String, reach: FunctionReach,
        condition: String? = nil
    ) {
        self.name = name
        self.table = table
        self.type = type
        self.enabled = enabled
        self.function = function
        self.reach = reach
        self.condition = condition
    }

    /// The trigger as an inventory item.
    public var item: InventoryItem {
        var details: [InventoryDetail] = [
            .text("timing", type.timing.rawValue),
            .list("events", type.events.map(\.rawValue)),
            .text("level", type.level.rawValue),
            .text("enabled", enabled.rawValue),
        ]
        if let condition { details.append(.text("when", condition)) }
        details += [
            .text("function", function + "()"),
            .list("function_chain", reach.chain.map { $0 + "()" }),
            .list("writes", reach.writes.map(\.table)),
        ]
        if !reach.dynamicStatements.isEmpty { details.append(.list("dynamic_sql", reach.dynamicStatements)) }
        if !reach.unanalyzedFunctions.isEmpty { details.append(.list("unanalyzed_functions", reach.unanalyzedFunctions)) }
        if type.timing == .before, type.level == .row {
            details.append(.list("assigns_new", reach.assignedNewColumns))
            if reach.replacesNew { details.append(.text("replaces_new", "true")) }
            if reach.returnsNull { details.append(.text("returns_null", "true")) }
        }
        return InventoryItem(kind: .trigger, name: name, table: table, details: details, bodyHash: reach.bodyHash)
    }
}
