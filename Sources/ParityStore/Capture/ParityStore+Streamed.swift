import GRDB

/// Streamed source transactions: changes staged block by block before the commit, then moved
/// into pending_change in one store transaction, so memory never holds a whole transaction.
extension ParityStore {
    /// Appends changes of the streamed transaction `xid` to its staged changes; with `restart`,
    /// first drops what was staged for it before (the server streams it again from its start).
    ///
    /// Not synced: staged changes are dropped whenever streaming restarts, and the transaction's
    /// durable commit syncs them with it.
    public func stage(_ changes: [StagedChange], xid: UInt32, side: String, restart: Bool) throws(StoreError) {
        try writeUnsynced { db in
            if restart {
                try db.execute(sql: "DELETE FROM streamed_change WHERE side = ? AND xid = ?", arguments: [side, Int64(xid)])
            }
            var seq = try Int64.fetchOne(
                db, sql: "SELECT coalesce(max(seq) + 1, 0) FROM streamed_change WHERE side = ? AND xid = ?",
                arguments: [side, Int64(xid)]) ?? 0
            var rows = BatchInsert(table: "streamed_change", columns: [
                "side", "xid", "seq", "subxid", "mapping", "table_name", "op", "row_key", "old_key", "row_values", "unchanged_columns",
            ])
            for staged in changes {
                let change = staged.change
                let mapped = change.mapping != nil
                let hasImage = mapped && (change.operation == .insert || change.operation == .update)
                try rows.append([
                    side.databaseValue, Int64(xid).databaseValue, seq.databaseValue, Int64(staged.subxid).databaseValue,
                    change.mapping.databaseValue, change.table.databaseValue, change.operation.rawValue.databaseValue,
                    mapped && change.operation != .truncate ? RowJSON.key(change.key).databaseValue : .null,
                    mapped ? change.oldKey.map(RowJSON.key).databaseValue : .null,
                    hasImage ? change.image.known.databaseValue : .null,
                    hasImage && !change.image.unchanged.isEmpty ? RowJSON.key(change.image.unchanged).databaseValue : .null,
                ], db: db)
                seq += 1
            }
            try rows.flush(db)
        }
    }

    /// Applies the staged changes of a committed streamed transaction durably, with the tables it
    /// wrote and the new checkpoint, in one store transaction; drops them from staging. Returns how
    /// many changes it applied, or nil when the transaction ends at or below the checkpoint
    /// (applied before a crash or reconnect: its staged changes are only dropped).
    @discardableResult
    public func commitStreamed(_ commit: StreamedCommitRecord, side: String) throws(StoreError) -> Int? {
        try write { db in
            try db.withLargePageCache {
                let endLSN = Int64(truncatingIfNeeded: commit.endLSN)
                let applied = endLSN > (try checkpoint(side: side, db: db)) ? try moveStaged(commit, side: side, db: db) : nil
                try dropStaged(xid: commit.xid, side: side, db: db)
                if applied != nil { try advanceCheckpoint(side: side, to: endLSN, commitTime: commit.commitTime, db: db) }
                return applied
            }
        }
    }

    /// Drops the staged changes of `xid`: the whole table at once (SQLite's truncate
    /// optimization) when they are all it holds, which is the usual case.
    private func dropStaged(xid: UInt32, side: String, db: Database) throws {
        let ends = try Row.fetchAll(db, sql: """
            SELECT * FROM (SELECT side, xid FROM streamed_change ORDER BY side, xid LIMIT 1)
            UNION ALL SELECT * FROM (SELECT side, xid FROM streamed_change ORDER BY side DESC, xid DESC LIMIT 1)
            """)
        let onlyThis = ends.allSatisfy { row in row["side"] == side && row["xid"] == Int64(xid) }
        if onlyThis {
            try db.execute(sql: "DELETE FROM streamed_change")
        } else {
            try db.execute(sql: "DELETE FROM streamed_change WHERE side = ? AND xid = ?", arguments: [side, Int64(xid)])
        }
    }

    /// Drops the staged changes of a rolled-back streamed transaction (`subxid == xid`), or of its
    /// subtransaction `subxid` from that subtransaction's first change onward.
    public func abortStreamed(xid: UInt32, subxid: UInt32, side: String) throws(StoreError) {
        try write { db in
            if xid == subxid {
                try db.execute(sql: "DELETE FROM streamed_change WHERE side = ? AND xid = ?", arguments: [side, Int64(xid)])
            } else {
                try db.execute(
                    sql: """
                        DELETE FROM streamed_change WHERE side = ? AND xid = ? AND seq >= (
                            SELECT min(seq) FROM streamed_change WHERE side = ? AND xid = ? AND subxid = ?)
                        """,
                    arguments: [side, Int64(xid), side, Int64(xid), Int64(subxid)])
            }
        }
    }

    /// Drops every staged change of a source; run before streaming starts, as the server streams
    /// every uncommitted transaction again from its start.
    public func clearStaged(side: String) throws(StoreError) {
        try write { db in
            try db.execute(sql: "DELETE FROM streamed_change WHERE side = ?", arguments: [side])
        }
    }

    /// Moves the staged changes into pending_change: rows that need nothing resolved in one
    /// `INSERT … SELECT`, then the rows with unchanged columns in seq order, each resolved against
    /// the images before its position; records the tables written. Returns how many changes moved.
    private func moveStaged(_ commit: StreamedCommitRecord, side: String, db: Database) throws -> Int {
        let record = CommitRecord(
            xid: Int64(commit.xid), commitLSN: Int64(truncatingIfNeeded: commit.commitLSN), commitTime: commit.commitTime)
        let staged: StatementArguments = [side, record.xid]
        try db.execute(
            sql: """
                INSERT INTO pending_change (side, commit_lsn, seq, mapping, xid, commit_time, op, row_key, old_key, row_values)
                SELECT side, ?, seq, mapping, ?, ?, op, row_key, old_key, row_values FROM streamed_change
                WHERE side = ? AND xid = ? AND mapping IS NOT NULL AND unchanged_columns IS NULL
                """,
            arguments: [record.commitLSN, record.xid, record.commitTime] + staged)
        let unresolved = try Row.fetchCursor(
            db,
            sql: """
                SELECT seq, mapping, op, row_key, old_key, row_values, unchanged_columns FROM streamed_change
                WHERE side = ? AND xid = ? AND mapping IS NOT NULL AND unchanged_columns IS NOT NULL ORDER BY seq
                """,
            arguments: staged)
        var pending = BatchInsert.pendingChanges()
        while let row = try unresolved.next() {
            guard let operation = CapturedChange.Operation(rawValue: row["op"]) else {
                throw StoreError(code: .databaseError, message: "a staged change has an unknown op \(row["op"] ?? "")", path: path)
            }
            let seq: Int64 = row["seq"]
            let key: String = row["row_key"]
            let oldKey: String? = row["old_key"]
            try pending.flush(db)  // the previous image may be among them
            let image = try resolvedImage(
                known: RowJSON.decodeImage(row["row_values"]) ?? [:],
                unchanged: (RowJSON.decodeKey(row["unchanged_columns"]) ?? []).compactMap { $0 },
                previousKey: oldKey ?? key, mapping: row["mapping"], before: record, seq: seq, side: side, db: db)
            try insertPending(
                mapping: row["mapping"], operation: operation, key: key,
                oldKey: oldKey, image: RowJSON.image(image), seq: seq, commit: record, side: side, into: &pending, db: db)
        }
        try pending.flush(db)
        try db.execute(
            sql: """
                INSERT INTO transaction_write (side, commit_lsn, xid, commit_time, table_name, inserts, updates, deletes, truncates)
                SELECT side, ?, ?, ?, table_name, sum(op = 'insert'), sum(op = 'update'), sum(op = 'delete'), sum(op = 'truncate')
                FROM streamed_change WHERE side = ? AND xid = ? GROUP BY table_name
                """,
            arguments: [record.commitLSN, record.xid, record.commitTime] + staged)
        return try Int.fetchOne(db, sql: "SELECT count(*) FROM streamed_change WHERE side = ? AND xid = ?", arguments: staged) ?? 0
    }
}
