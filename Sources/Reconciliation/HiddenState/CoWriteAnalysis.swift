import ParityConfig
import ParityModel

/// Finds trigger-maintained tables in one cycle of the legacy change stream: a table a trigger's
/// functions write, written in the same transaction as the trigger's table. From them it derives
/// `hidden_state_unmapped` findings, attributions of diffs to triggers, and `unmapped_writes`.
public enum CoWriteAnalysis {
    /// What the analysis reads for one cycle.
    public struct Input: Sendable {
        /// Each legacy transaction of the cycle: table (`schema.table`) → rows it wrote.
        public var transactions: [[String: Int]]
        /// The legacy inventory's triggers.
        public var triggers: [TriggerFacts]
        /// Legacy tables with a mapping, `schema.table`.
        public var mappedTables: Set<String>
        /// Legacy tables in `hidden_state.ignore_tables`, `schema.table`.
        public var ignoredTables: Set<String>
        /// `hidden_state.documented`.
        public var documented: [DocumentedObject]

        /// Creates the input.
        public init(
            transactions: [[String: Int]], triggers: [TriggerFacts], mappedTables: Set<String>,
            ignoredTables: Set<String> = [], documented: [DocumentedObject] = []
        ) {
            self.transactions = transactions
            self.triggers = triggers
            self.mappedTables = mappedTables
            self.ignoredTables = ignoredTables
            self.documented = documented
        }
    }

    /// Analyzes one cycle. Only triggers that fire in ordinary sessions count.
    public static func analyze(_ input: Input) -> CoWriteResult {
        var result = CoWriteResult()
        for trigger in input.triggers where trigger.enabled.firesNormally {
            let touching = input.transactions.filter { $0[trigger.table] != nil }
            let documented = input.documented.contains { $0.describes(trigger.item) }
            for write in trigger.reach.writes where write.table != trigger.table {
                let both = touching.filter { $0[write.table] != nil }.count
                guard both > 0 else { continue }
                let maintained = TriggerMaintainedTable(
                    table: write.table, trigger: trigger.name, triggerTable: trigger.table, functions: write.path,
                    transactionsWritingBoth: both, transactionsTouchingTriggerTable: touching.count,
                    mapped: input.mappedTables.contains(write.table), documented: documented)
                result.maintained.append(maintained)
                if maintained.mapped {
                    result.attributions.append(TriggerAttribution(
                        table: write.table, column: nil, trigger: trigger.name, triggerTable: trigger.table, functions: write.path,
                        events: trigger.type.events, condition: trigger.condition))
                } else if !documented, !input.ignoredTables.contains(write.table) {
                    result.findings.append(.unmapped(maintained))
                }
            }
            if trigger.type.timing == .before, trigger.type.level == .row, input.mappedTables.contains(trigger.table) {
                result.attributions += trigger.reach.assignedNewColumns.map {
                    TriggerAttribution(
                        table: trigger.table, column: $0, trigger: trigger.name, triggerTable: trigger.table, functions: [trigger.function],
                        events: trigger.type.events, condition: trigger.condition)
                }
            }
        }
        let maintainedTables = Set(result.maintained.map(\.table))
        var writes: [String: (transactions: Int, rows: Int)] = [:]
        for transaction in input.transactions {
            for (table, rows) in transaction
            where !input.mappedTables.contains(table) && !input.ignoredTables.contains(table) && !maintainedTables.contains(table) {
                writes[table, default: (0, 0)].transactions += 1
                writes[table, default: (0, 0)].rows += rows
            }
        }
        result.findings += writes.keys.sorted().map { .unmappedWrites(table: $0, transactions: writes[$0]!.transactions, rows: writes[$0]!.rows) }
        return result
    }
}
