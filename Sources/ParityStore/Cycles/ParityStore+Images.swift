import GRDB

extension ParityStore {
    /// The column names of one stored row image of `mapping` on `side`, or nil when none is stored.
    public func storedColumns(side: String, mapping: String) throws(StoreError) -> [String]? {
        try read { db in
            try String.fetchOne(
                db, sql: "SELECT row_values FROM (\(RowDelta.closedRows)) LIMIT 1", arguments: ["side": side, "mapping": mapping]
            ).flatMap { try layouts.columns(of: $0, db) }
        }
    }
}
