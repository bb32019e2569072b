import ParityModel
import ParityStore

/// Writes a cycle's inventories, their changes and its co-write analysis, inside the close's transaction.
struct HiddenStateRecord {
    let close: CycleClose

    func write(cycle: Int64, in transaction: StoreTransaction) throws {
        for inventory in close.inventories {
            let (items, notes) = try InventorySnapshotColumns.encode(inventory)
            try transaction.execute("""
                INSERT INTO inventory_snapshot (cycle, side, taken_at, items, notes)
                VALUES (\(cycle), \(inventory.side.rawValue), \(inventory.takenAt), \(items), \(notes))
                """)
        }
        for (seq, change) in close.inventoryChanges.enumerated() {
            try transaction.execute("""
                INSERT INTO inventory_change (cycle, side, seq, change, kind, name, table_name, documented, detail)
                VALUES (\(cycle), \(change.side.rawValue), \(seq), \(change.change.rawValue), \(change.kind.rawValue), \(change.name), \(change.table),
                    \(change.documented), \(change.detail))
                """)
        }
        for (seq, line) in close.hiddenState.enumerated() {
            try transaction.execute("""
                INSERT INTO hidden_state_result (cycle, seq, kind, table_name, trigger_name, trigger_table, functions, transactions,
                                                 transactions_seen, rows, mapped, documented, message)
                VALUES (\(cycle), \(seq), \(line.kind.rawValue), \(line.table), \(line.trigger), \(line.triggerTable), \(RowJSON.key(line.functions)),
                    \(line.transactions), \(line.transactionsSeen), \(line.rows), \(line.mapped), \(line.documented), \(line.message))
                """)
        }
    }
}
