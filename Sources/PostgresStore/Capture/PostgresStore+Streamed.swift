import ParityModel
import ParityStore
import PostgresClient

/// Streamed source transactions: changes staged block by block before the commit (copied into `streamed_change`), so
/// memory never holds a whole transaction; the commit moves them into pending_change with the checkpoint, in one store
/// transaction.
extension PostgresStore {
    /// Appends changes of the streamed transaction `xid` to its stream; with `restart`, first drops what was staged for
    /// it before (the server streams it again from its start).
    public func stage(_ changes: [StagedChange], xid: UInt32, side: SourceSide, restart: Bool) throws(StoreError) {
        try write { transaction in
            if restart, let stream = try openStream(xid: xid, side: side, in: transaction) {
                try Self.dropStream(stream, in: transaction)
            }
            let stream = try openStream(xid: xid, side: side, in: transaction) ?? newStream(xid: xid, side: side, in: transaction)
            var seq = Int(try transaction.value("SELECT coalesce(max(seq) + 1, 0) FROM streamed_change WHERE stream = \(stream)") ?? "0") ?? 0
            var rows = BatchInsert(table: "streamed_change", columns: Self.stagedColumns)
            var counts = WriteCounts()
            let placement = try placement(in: transaction)
            for staged in changes {
                let change = staged.change
                let mapped = change.mapping != nil
                let hasImage = mapped && (change.operation == .insert || change.operation == .update)
                let key = mapped && change.operation != .truncate ? RowJSON.key(change.key) : nil
                let oldKey = mapped ? change.oldKey.map(RowJSON.key) : nil
                let image = hasImage ? try layouts.encode(columns: change.image.columns, values: change.image.values, in: transaction) : nil
                try rows.append(in: transaction) { row in
                    row.append(stream)
                    row.append(seq)
                    row.append(staged.subxid)
                    row.append(change.mapping)
                    row.append(change.table)
                    row.append(change.operation.rawValue)
                    row.append(part: key.flatMap { key in change.mapping.map { placement.part(of: key, mapping: $0) } })
                    row.append(key)
                    row.append(part: oldKey.flatMap { key in change.mapping.map { placement.part(of: key, mapping: $0) } })
                    row.append(oldKey)
                    row.append(image)
                    row.append(hasImage && !change.image.unchanged.isEmpty ? RowJSON.key(change.image.unchanged) : nil)
                }
                counts.count(change.operation, table: change.table)
                seq += 1
            }
            try rows.flush(transaction)
            for (table, count) in counts.counts {
                try transaction.execute("""
                    INSERT INTO streamed_write (stream, table_name, inserts, updates, deletes, truncates)
                    VALUES (\(stream), \(table), \(count[0]), \(count[1]), \(count[2]), \(count[3]))
                    ON CONFLICT (stream, table_name) DO UPDATE SET inserts = streamed_write.inserts + excluded.inserts,
                        updates = streamed_write.updates + excluded.updates, deletes = streamed_write.deletes + excluded.deletes,
                        truncates = streamed_write.truncates + excluded.truncates
                    """)
            }
        }
    }

    /// The columns of `streamed_change` a staged change fills, in the order ``stage(_:xid:side:restart:)`` copies them.
    private static let stagedColumns = [
        "stream", "seq", "subxid", "mapping", "table_name", "op", "part", "row_key", "old_part", "old_key", "row_values",
        "unchanged_columns",
    ]

    /// Commits a streamed transaction: moves its staged changes into pending_change (their unchanged columns filled in),
    /// records the tables it wrote and the new checkpoint, in one store transaction. Returns how many changes it had, or
    /// nil when the transaction ends at or below the checkpoint (applied before a crash or reconnect: this copy is dropped).
    @discardableResult
    public func commitStreamed(_ commit: StreamedCommitRecord, side: SourceSide) throws(StoreError) -> Int? {
        try write { transaction in
            let endLSN = Int64(truncatingIfNeeded: commit.endLSN)
            let checkpoint = try lockedCheckpoint(side: side, in: transaction)
            let stream = try openStream(xid: commit.xid, side: side, in: transaction)
            guard endLSN > checkpoint else {
                if let stream { try Self.dropStream(stream, in: transaction) }
                return nil
            }
            let position = CommitRecord(
                xid: Int64(commit.xid), commitLSN: Int64(truncatingIfNeeded: commit.commitLSN), commitTime: commit.commitTime)
            let committed = try stream.map { stream in try commitStream(stream, at: position, side: side, in: transaction) } ?? 0
            try advanceCheckpoint(
                side: side, to: endLSN, commitTime: commit.commitTime, changesSince: stream == nil ? nil : commit.commitTime, in: transaction)
            return committed
        }
    }

    /// Drops the staged changes of a rolled-back streamed transaction (`subxid == xid`), or of its subtransaction
    /// `subxid` from that subtransaction's first change onward.
    public func abortStreamed(xid: UInt32, subxid: UInt32, side: SourceSide) throws(StoreError) {
        try write { transaction in
            guard let stream = try openStream(xid: xid, side: side, in: transaction) else { return }
            if xid == subxid {
                try Self.dropStream(stream, in: transaction)
                return
            }
            try transaction.execute("""
                DELETE FROM streamed_change WHERE stream = \(stream) AND seq >= (
                    SELECT min(seq) FROM streamed_change WHERE stream = \(stream) AND subxid = \(Int64(subxid)))
                """)
            try transaction.execute("DELETE FROM streamed_write WHERE stream = \(stream)")
            try transaction.execute("""
                INSERT INTO streamed_write (stream, table_name, inserts, updates, deletes, truncates)
                SELECT stream, table_name, count(*) FILTER (WHERE op = 'insert'), count(*) FILTER (WHERE op = 'update'),
                    count(*) FILTER (WHERE op = 'delete'), count(*) FILTER (WHERE op = 'truncate')
                FROM streamed_change WHERE stream = \(stream) GROUP BY stream, table_name
                """)
        }
    }

    /// Drops every staged transaction of a source; run before streaming starts, as the server streams every uncommitted
    /// transaction again from its start.
    public func clearStaged(side: SourceSide) throws(StoreError) {
        try write { transaction in
            try Self.dropStreams(side: side, in: transaction)
        }
    }

    /// Drops a stream with its staged changes (no foreign key drops them: migration 010).
    private static func dropStream(_ stream: Int64, in transaction: StoreTransaction) throws {
        try transaction.execute("DELETE FROM streamed_change WHERE stream = \(stream)")
        try transaction.execute("DELETE FROM streamed_transaction WHERE stream = \(stream)")
    }

    /// Drops every stream of a source with its staged changes.
    static func dropStreams(side: SourceSide, in transaction: StoreTransaction) throws {
        try transaction.execute("""
            DELETE FROM streamed_change WHERE stream IN (SELECT stream FROM streamed_transaction WHERE side = \(side.rawValue))
            """)
        try transaction.execute("DELETE FROM streamed_transaction WHERE side = \(side.rawValue)")
    }

    private func openStream(xid: UInt32, side: SourceSide, in transaction: StoreTransaction) throws -> Int64? {
        try transaction.value("SELECT stream FROM streamed_transaction WHERE side = \(side.rawValue) AND xid = \(Int64(xid))").flatMap(Int64.init)
    }

    private func newStream(xid: UInt32, side: SourceSide, in transaction: StoreTransaction) throws -> Int64 {
        let stream = try transaction.value("INSERT INTO streamed_transaction (side, xid) VALUES (\(side.rawValue), \(Int64(xid))) RETURNING stream")
        guard let stream, let id = Int64(stream) else { throw StoreErrors.damaged("streamed_transaction.stream", location: location) }
        return id
    }

    /// Fills in the stream's unchanged columns (in seq order, from the images before each change), moves its changes of
    /// mappings not copied after the commit into pending_change and pending_truncate, its counts into transaction_write
    /// (legacy only), and drops the stream. Returns how many changes it had.
    private func commitStream(_ stream: Int64, at commit: CommitRecord, side: SourceSide, in transaction: StoreTransaction) throws -> Int {
        // A mapping copied after this transaction's commit has its changes in the copy already.
        try transaction.execute("""
            DELETE FROM streamed_change WHERE stream = \(stream) AND mapping IN (
                SELECT mapping FROM mapping_source WHERE side = \(side.rawValue) AND copied_at > \(commit.commitLSN))
            """)
        // In batches, each the first still unresolved: memory holds at most one batch whatever the transaction's size.
        var keysIndexed = false
        while true {
            let unresolved = try transaction.rows("""
                SELECT seq, mapping, row_key, old_key, row_values, unchanged_columns FROM streamed_change
                WHERE stream = \(stream) AND unchanged_columns IS NOT NULL ORDER BY seq LIMIT 1000
                """)
            if unresolved.isEmpty { break }
            if !keysIndexed {
                try indexStagedKeys(of: stream, in: transaction)
                keysIndexed = true
            }
            for row in unresolved {
                let seq = try row.int("seq")
                let previous = try latestImage(
                    mapping: row.text("mapping"), key: row["old_key"] ?? row.text("row_key"), before: (commit.commitLSN, seq), side: side,
                    stream: stream, in: transaction)
                let known = try layouts.decode(row.text("row_values"), key: row.text("row_key"), in: transaction)
                let unchanged = (RowJSON.decodeKey(try row.text("unchanged_columns")) ?? []).compactMap { $0 }
                let image = try layouts.encode(Self.resolved(known, unchanged: unchanged, from: previous), in: transaction)
                try transaction.execute("""
                    UPDATE streamed_change SET row_values = \(image), unchanged_columns = NULL WHERE stream = \(stream) AND seq = \(seq)
                    """)
            }
        }
        try transaction.execute("""
            INSERT INTO pending_change (part, side, mapping, row_key, commit_lsn, seq, op, xid, commit_time, row_values)
            SELECT old_part, \(side.rawValue)::text, mapping, old_key, \(commit.commitLSN)::bigint, seq, 'moved', \(commit.xid)::bigint,
                \(commit.commitTime)::bigint, NULL
            FROM streamed_change WHERE stream = \(stream) AND mapping IS NOT NULL AND old_key IS NOT NULL AND old_key <> row_key
            """)
        try transaction.execute("""
            INSERT INTO pending_change (part, side, mapping, row_key, commit_lsn, seq, op, xid, commit_time, row_values)
            SELECT part, \(side.rawValue)::text, mapping, row_key, \(commit.commitLSN)::bigint, seq, op, \(commit.xid)::bigint, \(commit.commitTime)::bigint,
                CASE WHEN op = 'delete' THEN NULL ELSE row_values END
            FROM streamed_change WHERE stream = \(stream) AND mapping IS NOT NULL AND op <> 'truncate'
            """)
        try transaction.execute("""
            INSERT INTO pending_truncate (side, mapping, commit_lsn, seq, commit_time)
            SELECT \(side.rawValue)::text, mapping, \(commit.commitLSN)::bigint, seq, \(commit.commitTime)::bigint FROM streamed_change
            WHERE stream = \(stream) AND mapping IS NOT NULL AND op = 'truncate'
            """)
        if side.keepsTransactionWrites {
            try transaction.execute("""
                INSERT INTO transaction_write (side, commit_lsn, xid, commit_time, table_name, inserts, updates, deletes, truncates)
                SELECT \(side.rawValue)::text, \(commit.commitLSN)::bigint, \(commit.xid)::bigint, \(commit.commitTime)::bigint, table_name, inserts, updates, deletes, truncates
                FROM streamed_write WHERE stream = \(stream)
                """)
        }
        let count = try transaction.value("""
            SELECT coalesce(sum(inserts + updates + deletes + truncates), 0) FROM streamed_write WHERE stream = \(stream)
            """)
        if keysIndexed { try transaction.execute("DELETE FROM staged_key WHERE stream = \(stream)") }
        try Self.dropStream(stream, in: transaction)
        return count.flatMap(Int.init) ?? 0
    }

    /// Fills `staged_key` with the keys of the stream's changes, for ``latestImage(mapping:key:before:side:stream:in:)``
    /// to find a key's earlier change in it: only a stream with a change that left columns unchanged pays for that index.
    private func indexStagedKeys(of stream: Int64, in transaction: StoreTransaction) throws {
        try transaction.execute("""
            INSERT INTO staged_key (stream, mapping, row_key, seq)
            SELECT stream, mapping, row_key, seq FROM streamed_change
            WHERE stream = \(stream) AND mapping IS NOT NULL AND row_key IS NOT NULL AND op <> 'truncate'
            """)
    }
}

extension CopyTextRows {
    /// Adds a key's part, or NULL for a change without that key.
    fileprivate mutating func append(part: Int?) {
        if let part { append(part) } else { append(nil as String?) }
    }
}
