import ParityConfig
import ParityModel

/// The co-write analysis of one cycle.
public struct CoWriteResult: Sendable, Hashable {
    /// Every (table, trigger) pair where the trigger's functions wrote the table alongside the trigger's table.
    public var maintained: [TriggerMaintainedTable] = []
    /// `hidden_state_unmapped` and `unmapped_writes` findings.
    public var findings: [HiddenStateFinding] = []
    /// Diffs to attribute to triggers: whole mapped tables, or columns a BEFORE trigger assigns.
    public var attributions: [TriggerAttribution] = []

    /// Creates an empty result.
    public init() {}

    /// The attribution for a diff on `table` (`schema.table`), column-specific first, then table-wide.
    ///
    /// `changes` are what the cycle did to the diff's legacy row: a BEFORE trigger's column is attributed only when
    /// one of them is an event it fires on (an UPDATE-only trigger did not set the column of a row only inserted).
    /// Nil (the row did not change in the cycle, so its value may come from any earlier change) matches every trigger.
    public func attribution(table: String, column: String?, changes: Set<TriggerEvent>? = nil) -> TriggerAttribution? {
        attributions.first { $0.table == table && $0.column != nil && $0.column == column && $0.fires(on: changes) }
            ?? attributions.first { $0.table == table && $0.column == nil }
    }
}

/// A table a trigger keeps up to date, with the evidence from one cycle.
public struct TriggerMaintainedTable: Sendable, Hashable {
    /// The maintained table, `schema.table`.
    public var table: String
    /// The trigger's name.
    public var trigger: String
    /// The table the trigger is on, `schema.table`.
    public var triggerTable: String
    /// The call path from the trigger's function to the function writing `table`, `schema.name` each.
    public var functions: [String]
    /// Transactions that wrote both tables.
    public var transactionsWritingBoth: Int
    /// Transactions that wrote the trigger's table.
    public var transactionsTouchingTriggerTable: Int
    /// Whether `table` has a mapping.
    public var mapped: Bool
    /// Whether the trigger is documented.
    public var documented: Bool
}

/// Who a diff is attributed to.
public struct TriggerAttribution: Sendable, Hashable {
    /// The legacy table, `schema.table`.
    public var table: String
    /// The column a BEFORE trigger assigns; nil when the whole table is trigger-maintained.
    public var column: String?
    /// The trigger's name.
    public var trigger: String
    /// The trigger's table, `schema.table`.
    public var triggerTable: String
    /// The call path, `schema.name` each.
    public var functions: [String]
    /// The events the trigger fires on.
    public var events: [TriggerEvent]
    /// The trigger's `WHEN` condition, if any: shown with the attribution, since Parity does not evaluate it.
    public var condition: String?

    /// Creates an attribution.
    public init(
        table: String, column: String?, trigger: String, triggerTable: String, functions: [String],
        events: [TriggerEvent] = [.insert, .update, .delete, .truncate], condition: String? = nil
    ) {
        self.table = table
        self.column = column
        self.trigger = trigger
        self.triggerTable = triggerTable
        self.functions = functions
        self.events = events
        self.condition = condition
    }

    /// `orders_ai → upd_daily_totals()`, as reports show it in `attributed_to`; a conditional trigger's condition follows
    /// (`… when (new.status = 'paid')`).
    public var label: String {
        ([trigger] + functions.map { HiddenStateFinding.display($0) + "()" }).joined(separator: " → ")
            + (condition.map { " when (\($0))" } ?? "")
    }

    /// Whether the trigger fires on one of `changes`; nil (unknown) is taken as yes.
    func fires(on changes: Set<TriggerEvent>?) -> Bool {
        changes.map { !$0.isDisjoint(with: events) } ?? true
    }
}

/// A hidden-state finding of one cycle: a trigger-maintained table without counterpart, or writes to an unmapped table.
public struct HiddenStateFinding: Sendable, Hashable {
    /// `hidden_state_unmapped` or `unmapped_writes`.
    public var kind: FindingKind
    /// The legacy table, `schema.table`.
    public var table: String
    /// The maintaining trigger, for `hidden_state_unmapped`.
    public var trigger: String?
    /// The trigger's call path, `schema.name` each (empty for `unmapped_writes`).
    public var functions: [String]
    /// Transactions in evidence: writing both tables, or writing the unmapped table.
    public var transactions: Int
    /// Rows written, for `unmapped_writes`.
    public var rows: Int?
    /// One sentence for reports.
    public var message: String

    /// The finding for an unmapped, undocumented trigger-maintained table.
    static func unmapped(_ maintained: TriggerMaintainedTable) -> HiddenStateFinding {
        let chain = ([maintained.trigger] + maintained.functions.map { display($0) + "()" }).map { "`\($0)`" }.joined(separator: " → ")
        let message = "`\(display(maintained.table))` is maintained by undocumented trigger \(chain) in "
            + "\(grouped(maintained.transactionsWritingBoth)) of \(grouped(maintained.transactionsTouchingTriggerTable)) "
            + "transactions touching `\(display(maintained.triggerTable))`; the new system has no counterpart"
        return HiddenStateFinding(kind: .hiddenStateUnmapped, table: maintained.table, trigger: maintained.trigger,
                                  functions: maintained.functions, transactions: maintained.transactionsWritingBoth,
                                  rows: nil, message: message)
    }

    /// The finding for writes to a table that is neither mapped, ignored nor trigger-maintained.
    static func unmappedWrites(table: String, transactions: Int, rows: Int) -> HiddenStateFinding {
        let message = "`\(display(table))` was written in \(grouped(transactions)) transactions (\(grouped(rows)) rows) "
            + "and is neither mapped nor in hidden_state.ignore_tables"
        return HiddenStateFinding(kind: .unmappedWrites, table: table, trigger: nil, functions: [],
                                  transactions: transactions, rows: rows, message: message)
    }

    /// A `schema.name` shown without the `public.` schema.
    public static func display(_ qualified: String) -> String {
        qualified.hasPrefix("public.") ? String(qualified.dropFirst("public.".count)) : qualified
    }

    /// `1204` as `1,204`.
    static func grouped(_ number: Int) -> String {
        let digits = Array(String(number.magnitude))
        let groups = stride(from: digits.count, to: 0, by: -3).reversed().map { String(digits[max(0, $0 - 3)..<$0]) }
        return (number < 0 ? "-" : "") + groups.joined(separator: ",")
    }
}
