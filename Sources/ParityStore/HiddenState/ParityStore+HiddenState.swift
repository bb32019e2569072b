import Foundation
import GRDB
import ParityModel

extension ParityStore {
    /// The inventory of `side` recorded by the latest cycle at or before `cycle`, with that cycle's id.
    public func inventory(side: SourceSide, atOrBefore cycle: Int64) throws(StoreError) -> (cycle: Int64, InventorySnapshot)? {
        try read { db in try Self.inventory(db, side: side, atOrBefore: cycle) }
    }

    /// The inventory changes cycle `cycle` recorded.
    public func inventoryChanges(cycle: Int64) throws(StoreError) -> [InventoryChange] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM inventory_change WHERE cycle = ? ORDER BY side, seq", arguments: [cycle]).map {
                try InventoryChange(
                    side: $0.vocabulary("side"), change: $0.vocabulary("change"), kind: $0.vocabulary("kind"), name: $0["name"], table: $0["table_name"],
                    documented: $0["documented"], detail: $0["detail"])
            }
        }
    }

    /// The co-write analysis cycle `cycle` recorded.
    public func hiddenState(cycle: Int64) throws(StoreError) -> [HiddenStateLine] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM hidden_state_result WHERE cycle = ? ORDER BY seq", arguments: [cycle]).map {
                try HiddenStateLine(
                    kind: $0.vocabulary("kind"), table: $0["table_name"], trigger: $0["trigger_name"], triggerTable: $0["trigger_table"],
                    functions: $0.decoded("functions", "function names", RowJSON.decodeNames), transactions: $0["transactions"],
                    transactionsSeen: $0["transactions_seen"], rows: $0["rows"], mapped: $0["mapped"], documented: $0["documented"],
                    message: $0["message"])
            }
        }
    }

    static func inventory(_ db: Database, side: SourceSide, atOrBefore cycle: Int64) throws -> (cycle: Int64, InventorySnapshot)? {
        try Row.fetchOne(
            db, sql: "SELECT * FROM inventory_snapshot WHERE side = ? AND cycle <= ? ORDER BY cycle DESC LIMIT 1", arguments: [side, cycle]
        ).map {
            ($0["cycle"], try InventorySnapshotColumns.decode(
                side: $0.vocabulary("side"), takenAt: $0["taken_at"], items: $0["items"], notes: $0["notes"]))
        }
    }

    /// Records a cycle's inventories, their changes and its co-write analysis (inside the close transaction).
    static func recordHiddenState(_ db: Database, cycle: Int64, _ close: CycleClose) throws {
        for inventory in close.inventories {
            let (items, notes) = try InventorySnapshotColumns.encode(inventory)
            try db.execute(
                sql: "INSERT INTO inventory_snapshot (cycle, side, taken_at, items, notes) VALUES (?, ?, ?, ?, ?)",
                arguments: [cycle, inventory.side, inventory.takenAt, items, notes])
        }
        for (seq, change) in close.inventoryChanges.enumerated() {
            try db.execute(
                sql: """
                    INSERT INTO inventory_change (cycle, side, seq, change, kind, name, table_name, documented, detail)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [cycle, change.side, seq, change.change, change.kind, change.name, change.table, change.documented, change.detail])
        }
        for (seq, line) in close.hiddenState.enumerated() {
            try db.execute(
                sql: """
                    INSERT INTO hidden_state_result (cycle, seq, kind, table_name, trigger_name, trigger_table, functions, transactions,
                                                     transactions_seen, rows, mapped, documented, message)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [cycle, seq, line.kind, line.table, line.trigger, line.triggerTable, RowJSON.key(line.functions),
                            line.transactions, line.transactionsSeen, line.rows, line.mapped, line.documented, line.message])
        }
    }
}
