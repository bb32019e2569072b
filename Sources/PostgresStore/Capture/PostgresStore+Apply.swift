import ParityModel
import ParityStore
import PostgresClient

extension PostgresStore {
    /// Applies source transactions (in commit order): their changes, the tables they wrote, and the new checkpoint commit
    /// in one store transaction, so a crash keeps all of them or none. Returns how many were applied.
    ///
    /// A transaction at or below the checkpoint is skipped (the server re-sends everything after the last confirmed
    /// position), and so is a change of a mapping whose copy already holds it (copied at a later position). Unchanged
    /// columns take their value from the key's latest image.
    @discardableResult
    public func apply(_ transactions: [CapturedTransaction], side: SourceSide) throws(StoreError) -> Int {
        try write { transaction in
            var checkpoint = try lockedCheckpoint(side: side, in: transaction)
            let copiedAt = try copiedAt(side: side, in: transaction)
            var writes = PendingWrites(side: side, placement: try placement(in: transaction))
            var applied = 0
            var lastCommitTime: Int64?
            for captured in transactions {
                let endLSN = Int64(truncatingIfNeeded: captured.endLSN)
                guard endLSN > checkpoint else { continue }
                try insert(captured, copiedAt: copiedAt, into: &writes, in: transaction)
                checkpoint = endLSN
                lastCommitTime = captured.commitTime
                applied += 1
            }
            guard let lastCommitTime else { return 0 }
            try writes.flush(transaction)
            try advanceCheckpoint(side: side, to: checkpoint, commitTime: lastCommitTime, changesSince: writes.earliestChange, in: transaction)
            return applied
        }
    }

    private func insert(
        _ captured: CapturedTransaction, copiedAt: [String: Int64], into writes: inout PendingWrites, in transaction: StoreTransaction
    ) throws {
        let commit = CommitRecord(xid: Int64(captured.xid), commitLSN: Int64(truncatingIfNeeded: captured.commitLSN), commitTime: captured.commitTime)
        var counts = writes.side.keepsTransactionWrites ? WriteCounts() : nil
        for (seq, change) in captured.changes.enumerated() {
            counts?.count(change.operation, table: change.table)
            guard let mapping = change.mapping, commit.commitLSN >= copiedAt[mapping] ?? 0 else { continue }
            var image: String?
            if change.operation == .insert || change.operation == .update {
                if change.image.unchanged.isEmpty {
                    image = try layouts.encode(columns: change.image.columns, values: change.image.values, in: transaction)
                } else {
                    try writes.flush(transaction)  // the previous image may be among them
                    let previous = try latestImage(
                        mapping: mapping, key: RowJSON.key(change.oldKey ?? change.key), before: (commit.commitLSN, seq), side: writes.side,
                        stream: nil, in: transaction)
                    image = try layouts.encode(Self.resolved(change.image.known, unchanged: change.image.unchanged, from: previous), in: transaction)
                }
            }
            try writes.change(
                mapping: mapping, operation: change.operation, key: change.operation == .truncate ? nil : RowJSON.key(change.key),
                oldKey: change.oldKey.map(RowJSON.key), image: image, seq: seq, commit: commit, in: transaction)
        }
        for (table, count) in (counts?.counts ?? [:]).sorted(by: { $0.key < $1.key }) {
            try writes.tableWrite(table, counts: count, commit: commit, in: transaction)
        }
    }

    /// The source's checkpoint LSN, its row locked until the transaction ends (one writer per source); throws when the
    /// source was never initialized.
    func lockedCheckpoint(side: SourceSide, in transaction: StoreTransaction) throws -> Int64 {
        guard let row = try transaction.row("SELECT checkpoint_lsn FROM source_state WHERE side = \(side.rawValue) FOR UPDATE") else {
            throw StoreError(code: .notInitialized, message: "the \(side) source is not initialized; run parity init", path: location)
        }
        return try row.int64("checkpoint_lsn")
    }

    /// Records that everything through `checkpoint` is durable, the last transaction committed at `commitTime`, and that
    /// pending changes committed at `changesSince` (nil: none) were written: the side's `unfolded_since` goes no later.
    func advanceCheckpoint(side: SourceSide, to checkpoint: Int64, commitTime: Int64, changesSince: Int64?, in transaction: StoreTransaction) throws {
        try transaction.execute("""
            UPDATE source_state SET checkpoint_lsn = \(checkpoint), last_commit_time = \(commitTime),
                watermark = greatest(watermark, \(commitTime)), last_message_at = \(Self.now()), last_error = NULL,
                unfolded_since = least(unfolded_since, \(changesSince)::bigint)
            WHERE side = \(side.rawValue)
            """)
    }

    /// Where each mapping of `side` was copied: a change of a transaction whose commit starts before it is in the copy.
    func copiedAt(side: SourceSide, in transaction: StoreTransaction) throws -> [String: Int64] {
        var positions: [String: Int64] = [:]
        for row in try transaction.rows("SELECT mapping, copied_at FROM mapping_source WHERE side = \(side.rawValue)") {
            positions[try row.text("mapping")] = try row.int64("copied_at")
        }
        return positions
    }

    /// `known` with each `unchanged` column taken from `previous`; a column with no earlier value stays absent.
    static func resolved(_ known: [String: String?], unchanged: [String], from previous: [String: String?]?) -> [String: String?] {
        var image = known
        for column in unchanged {
            if let value = previous?[column] { image[column] = value }
        }
        return image
    }

    /// The newest image of `key` before position (commit LSN, seq): its last earlier change in the streamed transaction
    /// `stream` being committed, else its last pending change, else its row state; nil when deleted or unknown.
    func latestImage(
        mapping: String, key: String, before position: (commitLSN: Int64, seq: Int), side: SourceSide, stream: Int64?,
        in transaction: StoreTransaction
    ) throws -> [String: String?]? {
        if let stream, let staged = try transaction.row("""
            SELECT row_values FROM streamed_change
            WHERE stream = \(stream) AND seq = (
                SELECT max(seq) FROM staged_key WHERE stream = \(stream) AND mapping = \(mapping) AND row_key = \(key) AND seq < \(position.seq))
            """) {
            return try staged["row_values"].map { try layouts.decode($0, key: key, in: transaction) }
        }
        let part = try part(of: key, mapping: mapping, in: transaction)
        if let pending = try transaction.row("""
            SELECT row_values FROM pending_change
            WHERE part = \(part) AND side = \(side.rawValue) AND mapping = \(mapping) AND row_key = \(key) AND op <> 'moved'
                AND (commit_lsn, seq) < (\(position.commitLSN), \(position.seq))
            ORDER BY commit_lsn DESC, seq DESC LIMIT 1
            """) {
            return try pending["row_values"].map { try layouts.decode($0, key: key, in: transaction) }
        }
        return try closedValues(side: side, mapping: mapping, key: key, in: transaction).map { try layouts.decode($0, key: key, in: transaction) }
    }

    /// The image text of `key` as of `end` when row state has not caught up with the pending changes before it (nil: row
    /// state holds the state); nil when the key does not exist then.
    func stateValues(side: SourceSide, mapping: String, key: String, before end: Int64?, in transaction: StoreTransaction) throws -> String? {
        if let end {
            let part = try part(of: key, mapping: mapping, in: transaction)
            let change = try PendingState.lastChange(side: side, mapping: mapping, key: key, part: part, before: end, in: transaction)
            if change.found { return change.values }
        }
        return try closedValues(side: side, mapping: mapping, key: key, in: transaction)
    }

    /// The image text of `key` in row state; nil when the key does not exist there.
    func closedValues(side: SourceSide, mapping: String, key: String, in transaction: StoreTransaction) throws -> String? {
        let part = try part(of: key, mapping: mapping, in: transaction)
        return try transaction.value("""
            SELECT row_values FROM row_state
            WHERE part = \(part) AND \(rowStateOf: side, mapping: mapping) AND row_key = \(key)
            """)
    }
}
