import ParityModel
import ParityStore
import PostgresClient

extension PostgresStore {
    /// Writes baseline rows (the copy taken inside the slot's snapshot) into row state, in one store transaction per call;
    /// callers send batches.
    public func insertBaseline(
        side: SourceSide, mapping: String, rows: [(key: [String?], values: [String: String?])], lsn: UInt64
    ) throws(StoreError) {
        try write { transaction in
            try insertBaseline(
                side: side, mapping: mapping, images: rows.map { (RowJSON.key($0.key), try layouts.encode($0.values, in: transaction)) },
                lsn: lsn, in: transaction)
        }
    }

    /// Writes baseline rows already encoded: each row's key (`RowJSON.key`) and the JSON array of its values in the order
    /// of `columns`, the table's columns in name order.
    public func insertBaseline(
        side: SourceSide, mapping: String, columns: [String], encoded rows: [(key: String, values: String)], lsn: UInt64
    ) throws(StoreError) {
        try write { transaction in
            let layout = try layouts.id(for: columns, in: transaction)
            try insertBaseline(
                side: side, mapping: mapping, images: rows.map { ($0.key, ImageLayouts.stored(layout: layout, values: $0.values)) }, lsn: lsn,
                in: transaction)
        }
    }

    /// Copies the rows in with `COPY` (the server's fast path) under a savepoint; keys the store holds already (a copy
    /// taken again) refuse the copy, and then the rows are upserted instead, as one statement per batch.
    private func insertBaseline(
        side: SourceSide, mapping: String, images rows: [(key: String, image: String)], lsn: UInt64, in transaction: StoreTransaction
    ) throws {
        guard !rows.isEmpty else { return }
        let position = Int64(truncatingIfNeeded: lsn)
        let placement = try placement(in: transaction)
        var copy = CopyTextRows(capacity: rows.count * ((rows.first?.image.utf8.count ?? 0) + 64))
        for row in rows {
            copy.append(placement.part(of: row.key, mapping: mapping))
            copy.append(side.rawValue)
            copy.append(mapping)
            copy.append(row.key)
            copy.append(row.image)
            copy.append(0)
            copy.append(position)
            copy.endRow()
        }
        try transaction.execute("SAVEPOINT baseline_copy")
        do {
            try transaction.copy(into: "row_state", columns: Self.baselineColumns, rows: copy)
            try transaction.execute("RELEASE SAVEPOINT baseline_copy")
            return
        } catch let error as PostgresError where error.sqlState == "23505" {
            try transaction.execute("ROLLBACK TO SAVEPOINT baseline_copy")
        }
        var batch = BatchInsert(
            table: "row_state", columns: Self.baselineColumns,
            tail: """
                 ON CONFLICT \(Self.primaryKeyColumns) DO UPDATE SET row_values = excluded.row_values,
                    commit_time = excluded.commit_time, lsn = excluded.lsn, folded_by = NULL, events = NULL
                """)
        for row in rows {
            try batch.append(
                [String(placement.part(of: row.key, mapping: mapping)), side.rawValue, mapping, row.key, row.image, "0", String(position)],
                in: transaction)
        }
        try batch.flush(transaction)
    }

    private static let baselineColumns = ["part", "side", "mapping", "row_key", "row_values", "commit_time", "lsn"]

    /// How many rows of a mapping the store holds for one side as of the last closed cycle (the baseline right after
    /// init), without loading them (streamed when closed changes are not folded yet).
    public func rowCount(side: SourceSide, mapping: String) throws(StoreError) -> Int {
        try read { transaction in
            if let overlay = try Self.overlay(changesAfter: nil, foldBefore: nil, parts: KeyPartition.everyPart, in: transaction),
               try overlay.anyChange(side: side, mapping: mapping, in: transaction) {
                // Closed changes not folded yet: counted as the rows stream, with the changes laid over row state.
                let rows = try closedStateReader(in: transaction).rows(side: side, mapping: mapping, changedOnly: false)
                var count = 0
                while try rows.next() != nil { count += 1 }
                return count
            }
            return Int(try transaction.value("""
                SELECT count(*) FROM row_state WHERE \(rowStateOf: side, mapping: mapping) AND row_values IS NOT NULL
                """) ?? "0") ?? 0
        }
    }

    /// The current image of every key of a mapping on one side: row state with the pending changes applied in commit
    /// order. Keys are JSON key texts.
    public func currentImages(side: SourceSide, mapping: String) throws(StoreError) -> [ExactText: [String: String?]] {
        try read { transaction in
            var images: [ExactText: [String: String?]] = [:]
            let state = try transaction.cursor("""
                SELECT row_key, row_values FROM row_state
                WHERE \(rowStateOf: side, mapping: mapping) AND row_values IS NOT NULL
                """)
            while let row = try state.next() {
                let key = try row.text("row_key")
                images[ExactText(key)] = try layouts.decode(row.text("row_values"), key: key, in: transaction)
            }
            let pending = try transaction.cursor("""
                SELECT op, row_key, row_values, commit_lsn, seq FROM pending_change WHERE side = \(side.rawValue) AND mapping = \(mapping)
                UNION ALL
                SELECT 'truncate', NULL, NULL, commit_lsn, seq FROM pending_truncate WHERE side = \(side.rawValue) AND mapping = \(mapping)
                ORDER BY commit_lsn, seq
                """)
            while let row = try pending.next() {
                switch try row.text("op") {
                case "truncate":
                    images.removeAll()
                case "delete", "moved":
                    images[ExactText(try row.text("row_key"))] = nil
                default:
                    let key = try row.text("row_key")
                    images[ExactText(key)] = try layouts.decode(row.text("row_values"), key: key, in: transaction)
                }
            }
            return images
        }
    }

    /// The text form of images with `columns` (sorted names). Only reads the store: columns it has never stored get a
    /// form no stored image has.
    public func imageForm(columns: [String]) throws(StoreError) -> StoredImageForm {
        try read { transaction in
            let layout = try transaction.value("SELECT id FROM image_layout WHERE columns = \(RowJSON.key(columns))").flatMap(Int64.init)
            return StoredImageForm(columns: columns, layout: layout ?? 0)
        }
    }
}
