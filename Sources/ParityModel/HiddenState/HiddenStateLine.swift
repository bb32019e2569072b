/// One line of a cycle's co-write analysis of the legacy change stream: a trigger-maintained table, hidden state with
/// no counterpart, or writes to a legacy table nobody mapped. What a close records and the end-of-day report shows.
public struct HiddenStateLine: Sendable, Equatable {
    /// What the line says.
    public enum Kind: String, Sendable, CaseIterable {
        /// A table a trigger's function writes alongside the trigger's table.
        case triggerMaintained = "trigger_maintained"
        /// A trigger-maintained table with no mapping: state the new system does not reproduce.
        case hiddenStateUnmapped = "hidden_state_unmapped"
        /// Writes to a legacy table neither mapped nor ignored.
        case unmappedWrites = "unmapped_writes"
    }

    public var kind: Kind
    /// The legacy table written, `schema.table`.
    public var table: String
    /// The trigger maintaining it, if any.
    public var trigger: String?
    /// The table the trigger is on.
    public var triggerTable: String?
    /// The function chain, trigger function first.
    public var functions: [String]
    /// Transactions in evidence: writing both tables, or writing the table.
    public var transactions: Int
    /// Transactions touching the trigger's table.
    public var transactionsSeen: Int?
    /// Rows written (unmapped writes).
    public var rows: Int?
    /// Whether the table has a mapping.
    public var mapped: Bool
    /// Whether the trigger is documented in `hidden_state.documented`.
    public var documented: Bool
    /// One line for people.
    public var message: String

    /// Creates a line.
    public init(
        kind: Kind, table: String, trigger: String?, triggerTable: String? = nil, functions: [String], transactions: Int,
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

    /// Report order: hidden state with no counterpart, then unmapped writes, then the rest, each by table.
    public static func ranked(_ lines: [HiddenStateLine]) -> [HiddenStateLine] {
        func rank(_ kind: Kind) -> Int {
            switch kind {
            case .hiddenStateUnmapped: 0
            case .unmappedWrites: 1
            case .triggerMaintained: 2
            }
        }
        return lines.sorted { (rank($0.kind), $0.table, $0.trigger ?? "") < (rank($1.kind), $1.table, $1.trigger ?? "") }
    }
}
