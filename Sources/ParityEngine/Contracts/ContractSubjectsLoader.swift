import ParityConfig
import ParityModel
import ParityStore
import Reconciliation

/// The contracts the store's evidence supports: the config's rounding columns, totals and value maps, the legacy BEFORE
/// triggers the last inventory found assigning columns, and the trigger-maintained tables the closed cycles' co-write
/// analysis found.
enum ContractSubjectsLoader {
    static func load(_ configuration: ParityConfiguration, store: any Store, cycles: [CycleRecord]) throws -> [ContractSubject] {
        let inventory = try cycles.last.flatMap { try store.inventory(side: .legacy, atOrBefore: $0.id) }
            .map { Inventory($0.1) }
        return ContractSubject.all(
            configuration, beforeTriggers: inventory?.items.compactMap(BeforeTrigger.init(item:)) ?? [],
            maintained: try maintainedTables(store: store, cycles: cycles), decisions: try ContractExport.decisions(configuration, store: store))
    }

    /// Each table a trigger maintains, with its co-write counts summed over `cycles` (the latest cycle's chain and flags),
    /// ordered by table and trigger.
    private static func maintainedTables(store: any Store, cycles: [CycleRecord]) throws -> [MaintainedTable] {
        var tables: [[String]: MaintainedTable] = [:]
        for cycle in cycles {
            for line in try store.hiddenState(cycle: cycle.id) {
                guard let trigger = line.trigger, let triggerTable = line.triggerTable else { continue }
                var table = tables[[line.table, trigger]] ?? MaintainedTable(
                    table: line.table, trigger: trigger, triggerTable: triggerTable, functions: [], cycles: 0, transactions: 0,
                    transactionsSeen: 0, mapped: false, documented: false)
                table.functions = line.functions.map { $0 + "()" }  // as the inventory writes them
                table.cycles += 1
                table.transactions += line.transactions
                table.transactionsSeen += line.transactionsSeen ?? 0
                table.mapped = line.mapped
                table.documented = line.documented
                tables[[line.table, trigger]] = table
            }
        }
        return tables.keys.sorted { $0.lexicographicallyPrecedes($1) }.compactMap { tables[$0] }
    }
}
