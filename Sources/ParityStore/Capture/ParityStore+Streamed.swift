import GRDB
import ParityModel

/// Streamed source transactions: changes staged block by block before the commit, so memory never
/// holds a whole transaction. The commit records the transaction's commit LSN and time on its stream
/// (migrations/008): its changes stay where they were staged and are pending changes from then on.
extension ParityStore {
    /// Appends changes of the streamed transaction `xid` to its open stream; with `restart`, first
    /// drops what was staged for it before (the server streams it again from its start).
    ///
    /// Committed like every store write (`synchronous = NORMAL`, not synced): staged changes are dropped
    /// whenever streaming restarts, and the sync before the transaction's confirmation (`makeDurable()`)
    /// covers them.
    public func stage(_ changes: [StagedChange], xid: UInt32, side: SourceSide, restart: Bool) throws(StoreError) {
        try write { db in
            if restart, let stream = try openStream(xid: xid, side: side, db: db) { try dropStream(stream, db: db) }
            let stream = try openStream(xid: xid, side: side, db: db) ?? newStream(xid: xid, side: side, db: db)
            var seq = try Int64.fetchOne(
                db.cachedStatement(sql: "SELECT coalesce(max(seq) + 1, 0) FROM streamed_change WHERE stream = ?"), arguments: [stream]) ?? 0
            var rows = BatchInsert(table: "streamed_change", columns: [
                "stream", "seq", "subxid", "mapping", "table_name", "op", "row_key", "old_key", "row_values", "unchanged_columns",
            ])
            var counts = WriteCounts()
            for staged in changes {
                let change = staged.change
                let mapped = change.mapping != nil
                let hasImage = mapped && (change.operation == .insert || change.operation == .update)
                try rows.append([
                    stream.databaseValue, seq.databaseValue, Int64(staged.subxid).databaseValue,
                    change.mapping.databaseValue, change.table.databaseValue, change.operation.rawValue.databaseValue,
                    mapped && change.operation != .truncate ? RowJSON.key(change.key).databaseValue : .null,
                    mapped ? change.oldKey.map(RowJSON.key).databaseValue : .null,
                    hasImage ? try layouts.encode(columns: change.image.columns, values: change.image.values, db).databaseValue : .null,
                    hasImage && !change.image.unchanged.isEmpty ? RowJSON.key(change.image.unchanged).databaseValue : .null,
                ], db: db)
                counts.count(change.operation, table: change.table)
                seq += 1
            }
            try rows.flush(db)
            try counts.add(toStream: stream, db: db)
        }
    }

    /// Commits a streamed transaction durably: records its commit on its stream, fills in the
    /// columns its changes left unchanged, records the tables it wrote and the new checkpoint, in
    /// one store transaction. Returns how many changes it committed, or nil when the transaction
    /// ends at or below the checkpoint (applied before a crash or reconnect: this copy is dropped).
    @discardableResult
    public func commitStreamed(_ commit: StreamedCommitRecord, side: SourceSide) throws(StoreError) -> Int? {
        try write { db in
            let endLSN = Int64(truncatingIfNeeded: commit.endLSN)
            let stream = try openStream(xid: commit.xid, side: side, db: db)
            guard endLSN > (try checkpoint(side: side, db: db)) else {
                if let stream { try dropStream(stream, db: db) }
                return nil
            }
            let record = CommitRecord(
                xid: Int64(commit.xid), commitLSN: Int64(truncatingIfNeeded: commit.commitLSN), commitTime: commit.commitTime)
            let committed = try stream.map { stream in try commitStream(stream, record: record, side: side, db: db) } ?? 0
            try advanceCheckpoint(side: side, to: endLSN, commitTime: commit.commitTime, db: db)
            return committed
        }
    }

    /// Drops the staged changes of a rolled-back streamed transaction (`subxid == xid`), or of its
    /// subtransaction `subxid` from that subtransaction's first change onward.
    public func abortStreamed(xid: UInt32, subxid: UInt32, side: SourceSide) throws(StoreError) {
        try write { db in
            guard let stream = try openStream(xid: xid, side: side, db: db) else { return }
            if xid == subxid { return try dropStream(stream, db: db) }
            try db.execute(
                sql: """
                    DELETE FROM streamed_change WHERE stream = :stream AND seq >= (
                        SELECT min(seq) FROM streamed_change WHERE stream = :stream AND subxid = :subxid)
                    """,
                arguments: ["stream": stream, "subxid": Int64(subxid)])
            try db.execute(sql: "DELETE FROM streamed_write WHERE stream = ?", arguments: [stream])
            try db.execute(
                sql: """
                    INSERT INTO streamed_write (stream, table_name, inserts, updates, deletes, truncates)
                    SELECT stream, table_name, sum(op = 'insert'), sum(op = 'update'), sum(op = 'delete'), sum(op = 'truncate')
                    FROM streamed_change WHERE stream = ? GROUP BY table_name
                    """,
                arguments: [stream])
        }
    }

    /// Drops every open stream of a source; run before streaming starts, as the server streams every
    /// uncommitted transaction again from its start. Committed streams stay: they are pending changes.
    public func clearStaged(side: SourceSide) throws(StoreError) {
        try write { db in
            let open = try Int64.fetchAll(
                db, sql: "SELECT stream FROM streamed_transaction WHERE side = ? AND commit_lsn IS NULL", arguments: [side])
            for stream in open { try dropStream(stream, db: db) }
        }
    }

    /// The open stream of `xid`, if any.
    private func openStream(xid: UInt32, side: SourceSide, db: Database) throws -> Int64? {
        try Int64.fetchOne(
            db.cachedStatement(sql: "SELECT stream FROM streamed_transaction WHERE side = ? AND xid = ? AND commit_lsn IS NULL"),
            arguments: [side, Int64(xid)])
    }

    private func newStream(xid: UInt32, side: SourceSide, db: Database) throws -> Int64 {
        try db.execute(sql: "INSERT INTO streamed_transaction (side, xid) VALUES (?, ?)", arguments: [side, Int64(xid)])
        return db.lastInsertedRowID
    }

    private func dropStream(_ stream: Int64, db: Database) throws {
        for table in ["streamed_change", "streamed_write", "streamed_transaction"] {
            try db.execute(sql: "DELETE FROM \(table) WHERE stream = ?", arguments: [stream])
        }
    }

    /// Marks the stream committed, drops the changes of mappings whose copy holds them, fills in each change's unchanged columns (in seq order, from the
    /// images before its position) and moves its counts into transaction_write (legacy only). Returns how many changes it has.
    private func commitStream(_ stream: Int64, record: CommitRecord, side: SourceSide, db: Database) throws -> Int {
        try db.execute(
            sql: "UPDATE streamed_transaction SET commit_lsn = ?, commit_time = ? WHERE stream = ?",
            arguments: [record.commitLSN, record.commitTime, stream])
        // A mapping copied after this transaction's commit has its changes in the copy already.
        try db.execute(
            sql: """
                DELETE FROM streamed_change WHERE stream = ? AND mapping IN (
                    SELECT mapping FROM mapping_source WHERE side = ? AND copied_at > ?)
                """,
            arguments: [stream, side, record.commitLSN])
        // In batches, each the first still unresolved: a filled row leaves `streamed_change_unresolved`, and
        // memory holds at most one batch whatever the transaction's size.
        while true {
            let unresolved = try Row.fetchAll(
                db.cachedStatement(sql: """
                    SELECT seq, mapping, row_key, old_key, row_values, unchanged_columns FROM streamed_change
                    WHERE stream = ? AND unchanged_columns IS NOT NULL ORDER BY seq LIMIT 1000
                    """),
                arguments: [stream])
            if unresolved.isEmpty { break }
            for row in unresolved {
                let seq: Int64 = row["seq"]
                let image = try resolvedImage(
                    known: try layouts.decode(row["row_values"], key: row["row_key"], db),
                    unchanged: (RowJSON.decodeKey(row["unchanged_columns"]) ?? []).compactMap { $0 },
                    previousKey: (row["old_key"] as String?) ?? row["row_key"], mapping: row["mapping"], before: record, seq: seq,
                    side: side, db: db)
                try db.cachedStatement(sql: "UPDATE streamed_change SET row_values = ?, unchanged_columns = NULL WHERE stream = ? AND seq = ?")
                    .execute(arguments: [try layouts.encode(image, db), stream, seq])
            }
        }
        if side.keepsTransactionWrites {
            try db.execute(
                sql: """
                    INSERT INTO transaction_write (side, commit_lsn, xid, commit_time, table_name, inserts, updates, deletes, truncates)
                    SELECT ?, ?, ?, ?, table_name, inserts, updates, deletes, truncates FROM streamed_write WHERE stream = ?
                    """,
                arguments: [side, record.commitLSN, record.xid, record.commitTime, stream])
        }
        let count = try Int.fetchOne(
            db, sql: "SELECT coalesce(sum(inserts + updates + deletes + truncates), 0) FROM streamed_write WHERE stream = ?",
            arguments: [stream]) ?? 0
        try db.execute(sql: "DELETE FROM streamed_write WHERE stream = ?", arguments: [stream])
        return count
    }
}
