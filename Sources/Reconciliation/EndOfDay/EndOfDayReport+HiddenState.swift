extension EndOfDayReport {
    /// One line of the cycle's co-write analysis of the legacy change stream.
    public struct HiddenStateLine: Sendable, Equatable {
        /// `hidden_state_unmapped`, `unmapped_writes` or `trigger_maintained`.
        public var kind: String
        /// The legacy table written, `schema.table`.
        public var table: String
        /// The trigger maintaining it, if any.
        public var trigger: String?
        /// The function chain, trigger function first.
        public var functions: [String]
        /// Transactions in evidence.
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
            kind: String, table: String, trigger: String?, functions: [String], transactions: Int, transactionsSeen: Int?, rows: Int?,
            mapped: Bool, documented: Bool, message: String
        ) {
            self.kind = kind
            self.table = table
            self.trigger = trigger
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
            let order = ["hidden_state_unmapped": 0, "unmapped_writes": 1]
            return lines.sorted { (order[$0.kind] ?? 2, $0.table, $0.trigger ?? "") < (order[$1.kind] ?? 2, $1.table, $1.trigger ?? "") }
        }
    }

    /// A legacy catalog item added, removed or changed since the previous cycle's inventory.
    public struct InventoryChangeLine: Sendable, Equatable {
        /// `added`, `removed` or `changed`.
        public var change: String
        /// The item's kind.
        public var kind: String
        /// The item's name.
        public var name: String
        /// The table it belongs to.
        public var table: String?
        /// Whether it is documented.
        public var documented: Bool
        /// What changed (`body`, detail keys).
        public var detail: String

        /// Creates a line.
        public init(change: String, kind: String, name: String, table: String?, documented: Bool, detail: String) {
            self.change = change
            self.kind = kind
            self.name = name
            self.table = table
            self.documented = documented
            self.detail = detail
        }

        /// Report order: undocumented before documented, then added, changed, removed.
        public static func ranked(_ lines: [InventoryChangeLine]) -> [InventoryChangeLine] {
            let order = ["added": 0, "changed": 1, "removed": 2]
            return lines.sorted {
                ($0.documented ? 1 : 0, order[$0.change] ?? 3, $0.kind, $0.name) < ($1.documented ? 1 : 0, order[$1.change] ?? 3, $1.kind, $1.name)
            }
        }
    }
}
