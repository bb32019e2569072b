/// Builds the contract of a trigger-maintained legacy table from the co-write evidence: each pattern of writes to the
/// trigger's table in one transaction → the change the same transaction made to the maintained table, most frequent
/// first, with how many transactions showed it.
public enum MaintainedTableContract {
    /// One pattern of rows written per operation (`inserts`, `updates`, `deletes`, `truncates`) in one transaction.
    public struct Pattern: Sendable, Equatable {
        /// Rows written to the trigger's table, by operation.
        public var base: [String: Int]
        /// Rows written to the maintained table in the same transactions, by operation.
        public var maintained: [String: Int]
        /// Transactions that wrote exactly this.
        public var transactions: Int
        /// The first such transaction's commit time.
        public var firstCommit: String

        /// Creates a pattern.
        public init(base: [String: Int], maintained: [String: Int], transactions: Int, firstCommit: String) {
            self.base = base
            self.maintained = maintained
            self.transactions = transactions
            self.firstCommit = firstCommit
        }
    }

    /// The contract of `table` with at most `sample` patterns.
    public static func contract(id: String, table: MaintainedTable, patterns: [Pattern], sample: Int) -> Contract {
        let vectors = patterns.prefix(sample).map { pattern in
            ContractVector(
                inputs: counts(pattern.base, table: table.triggerTable), legacy: counts(pattern.maintained, table: table.table),
                about: ["transactions": String(pattern.transactions), "first_commit": pattern.firstCommit])
        }
        let counterpart = table.mapped ? "It has a mapping, so its rows are compared too." : "It has no mapping: the new system has no counterpart."
        let description = "Legacy trigger \(table.trigger) on \(table.triggerTable) keeps \(table.table) up to date through "
            + "\(table.functions.joined(separator: " → ")). \(counterpart) Each vector is what one transaction wrote to "
            + "\(table.triggerTable) (rows per operation) → what the same transaction wrote to \(table.table), most frequent first."
        return Contract(
            id: id, kind: .maintainedTable, description: description,
            subject: ["table": table.table, "trigger": table.trigger, "trigger_table": table.triggerTable],
            evidence: [
                "cycles": .count(table.cycles), "transactions": .count(table.transactions), "transactions_seen": .count(table.transactionsSeen),
                "function_chain": .list(table.functions), "mapped": .text(String(table.mapped)), "documented": .text(String(table.documented)),
            ],
            vectors: Array(vectors))
    }

    /// `schema.table.operation` → rows, for the operations that wrote any.
    private static func counts(_ counts: [String: Int], table: String) -> [String: String?] {
        var shown: [String: String?] = [:]
        for (operation, rows) in counts where rows > 0 { shown.updateValue(String(rows), forKey: "\(table).\(operation)") }
        return shown
    }
}
