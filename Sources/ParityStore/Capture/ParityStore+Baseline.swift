import GRDB
import ParityModel

extension ParityStore {
    /// Writes baseline rows (the copy taken inside the slot's snapshot) into row state, in one
    /// store transaction per call; callers send batches.
    public func insertBaseline(
        side: SourceSide, mapping: String, rows: [(key: [String?], values: [String: String?])], lsn: UInt64
    ) throws(StoreError) {
        try write { db in
            try insertBaseline(side: side, mapping: mapping, images: rows.map { (RowJSON.key($0.key), try layouts.encode($0.values, db)) },
                               lsn: lsn, db: db)
        }
    }

    /// Writes baseline rows already encoded, many per statement: each row's key (`RowJSON.key`) and the JSON
    /// array of its values (`RowJSON.key`) in the order of `columns`, the table's columns in name order.
    public func insertBaseline(
        side: SourceSide, mapping: String, columns: [String], encoded rows: [(key: String, values: String)], lsn: UInt64
    ) throws(StoreError) {
        try write { db in
            let layout = try layouts.id(for: columns, db)
            try insertBaseline(side: side, mapping: mapping, images: rows.map { ($0.key, ImageLayouts.stored(layout: layout, values: $0.values)) },
                               lsn: lsn, db: db)
        }
    }

    private func insertBaseline(side: SourceSide, mapping: String, images rows: [(key: String, image: String)], lsn: UInt64, db: Database) throws {
        var batch = BatchInsert(
            table: "row_state", columns: ["side", "mapping", "row_key", "row_values", "commit_time", "lsn"], replacing: true)
        let side = side.databaseValue, mapping = mapping.databaseValue, zero = 0.databaseValue
        let position = Int64(truncatingIfNeeded: lsn).databaseValue
        for row in rows {
            try batch.append([side, mapping, row.key.databaseValue, row.image.databaseValue, zero, position], db: db)
        }
        try batch.flush(db)
        try RowDelta.addStateRows(db, rows.count)
    }

    /// How many rows of a mapping the store holds for one side as of the last closed cycle (the
    /// baseline right after init), without loading them.
    public func rowCount(side: SourceSide, mapping: String) throws(StoreError) -> Int {
        try read { db in
            try Int.fetchOne(
                db, sql: "SELECT count(*) FROM (\(RowDelta.closedRows))", arguments: ["side": side, "mapping": mapping]) ?? 0
        }
    }

    /// The current image of every key of a mapping on one side: row state with pending changes
    /// (committed streamed transactions included) applied in commit order. Keys are JSON key texts.
    public func currentImages(side: SourceSide, mapping: String) throws(StoreError) -> [ExactText: [String: String?]] {
        try read { db in
            var images: [ExactText: [String: String?]] = [:]
            let state = try Row.fetchCursor(db, sql: RowDelta.closedRows, arguments: ["side": side, "mapping": mapping])
            while let row = try state.next() {
                let key: String = row["row_key"]
                images[ExactText(key)] = try layouts.decode(row["row_values"], key: key, db)
            }
            let pending = try Row.fetchCursor(
                db,
                sql: """
                    SELECT op, row_key, old_key, row_values FROM \(PendingChanges.before)
                    WHERE side = :side AND mapping = :mapping ORDER BY commit_lsn, seq
                    """,
                arguments: ["side": side, "mapping": mapping, "end": Int64.max])
            while let row = try pending.next() {
                let key: String? = row["row_key"]
                switch row["op"] as String {
                case "truncate":
                    images.removeAll()
                case "delete":
                    if let key { images[ExactText(key)] = nil }
                default:
                    if let oldKey = row["old_key"] as String? { images[ExactText(oldKey)] = nil }
                    if let key { images[ExactText(key)] = try layouts.decode(row["row_values"], key: key, db) }
                }
            }
            return images
        }
    }
}
