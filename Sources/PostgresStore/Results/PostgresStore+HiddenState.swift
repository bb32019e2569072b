import ParityModel
import ParityStore

extension PostgresStore {
    /// The inventory of `side` recorded by the latest cycle at or before `cycle`, with that cycle's id.
    public func inventory(side: SourceSide, atOrBefore cycle: Int64) throws(StoreError) -> (cycle: Int64, InventorySnapshot)? {
        try read { transaction in try Self.inventory(side: side, atOrBefore: cycle, in: transaction) }
    }

    /// The inventory changes cycle `cycle` recorded.
    public func inventoryChanges(cycle: Int64) throws(StoreError) -> [InventoryChange] {
        try read { transaction in
            try transaction.rows("SELECT * FROM inventory_change WHERE cycle = \(cycle) ORDER BY side, seq").map {
                try InventoryChange(
                    side: $0.vocabulary("side"), change: $0.vocabulary("change"), kind: $0.vocabulary("kind"), name: $0.text("name"),
                    table: $0["table_name"], documented: $0.bool("documented"), detail: $0.text("detail"))
            }
        }
    }

    /// The co-write analysis cycle `cycle` recorded.
    public func hiddenState(cycle: Int64) throws(StoreError) -> [HiddenStateLine] {
        try read { transaction in
            try transaction.rows("SELECT * FROM hidden_state_result WHERE cycle = \(cycle) ORDER BY seq").map {
                try HiddenStateLine(
                    kind: $0.vocabulary("kind"), table: $0.text("table_name"), trigger: $0["trigger_name"], triggerTable: $0["trigger_table"],
                    functions: $0.decoded("functions", "function names", RowJSON.decodeNames), transactions: $0.int("transactions"),
                    transactionsSeen: $0.optionalInt("transactions_seen"), rows: $0.optionalInt("rows"), mapped: $0.bool("mapped"),
                    documented: $0.bool("documented"), message: $0.text("message"))
            }
        }
    }

    static func inventory(side: SourceSide, atOrBefore cycle: Int64, in transaction: StoreTransaction) throws -> (cycle: Int64, InventorySnapshot)? {
        try transaction.row("""
            SELECT * FROM inventory_snapshot WHERE side = \(side.rawValue) AND cycle <= \(cycle) ORDER BY cycle DESC LIMIT 1
            """).map {
            (try $0.int64("cycle"), try InventorySnapshotColumns.decode(
                side: $0.vocabulary("side"), takenAt: $0.int64("taken_at"), items: $0.text("items"), notes: $0.text("notes")))
        }
    }
}
