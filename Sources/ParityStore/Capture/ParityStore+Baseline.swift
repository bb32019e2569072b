import GRDB

extension ParityStore {
    /// Writes baseline rows (the copy taken inside the slot's snapshot) into row state, in one
    /// store transaction per call; callers send batches.
    public func insertBaseline(
        side: String, mapping: String, rows: [(key: [String?], values: [String: String?])], lsn: UInt64
    ) throws(StoreError) {
        try insertBaseline(side: side, mapping: mapping, encoded: rows.map { (RowJSON.key($0.key), RowJSON.image($0.values)) }, lsn: lsn)
    }

    /// Writes baseline rows already encoded (`RowJSON.key`, `RowJSON.image`), many per statement.
    public func insertBaseline(side: String, mapping: String, encoded rows: [(key: String, image: String)], lsn: UInt64) throws(StoreError) {
        try write { db in
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
    }

    /// How many rows of a mapping the store holds for one side as of the last closed cycle (the
    /// baseline right after init), without loading them.
    public func rowCount(side: String, mapping: String) throws(StoreError) -> Int {
        try read { db in
            try Int.fetchOne(
                db, sql: "SELECT count(*) FROM (\(RowDelta.closedRows))", arguments: ["side": side, "mapping": mapping]) ?? 0
        }
    }

    /// The current image of every key of a mapping on one side: row state with pending changes
    /// (committed streamed transactions included) applied in commit order. Keys are JSON key texts.
    public func currentImages(side: String, mapping: String) throws(StoreError) -> [String: [String: String?]] {
        try read { db in
            var images: [String: [String: String?]] = [:]
            let state = try Row.fetchCursor(db, sql: RowDelta.closedRows, arguments: ["side": side, "mapping": mapping])
            while let row = try state.next() {
                images[row["row_key"]] = RowJSON.decodeImage(row["row_values"]) ?? [:]
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
                    if let key { images[key] = nil }
                default:
                    if let oldKey = row["old_key"] as String? { images[oldKey] = nil }
                    if let key { images[key] = RowJSON.decodeImage(row["row_values"]) ?? [:] }
                }
            }
            return images
        }
    }
}
