import GRDB
import ParityModel

extension ParityStore {
    /// The column names of one stored row image of `mapping` on `side`, or nil when none is stored.
    public func storedColumns(side: SourceSide, mapping: String) throws(StoreError) -> [String]? {
        try read { db in
            try String.fetchOne(
                db, sql: "SELECT row_values FROM (\(RowDelta.closedRows)) LIMIT 1", arguments: ["side": side, "mapping": mapping]
            ).flatMap { try layouts.columns(of: $0, db) }
        }
    }

    /// The image of the row `rowKey` (its key values as JSON array text) of `mapping` on `side` as of the last closed
    /// cycle; nil when the row does not exist then.
    public func closedImage(side: SourceSide, mapping: String, rowKey: String) throws(StoreError) -> [String: String?]? {
        try read { db in
            try RowDelta.closedValues(db, side: side, mapping: mapping, key: rowKey).map { try layouts.decode($0, key: rowKey, db) }
        }
    }
}
