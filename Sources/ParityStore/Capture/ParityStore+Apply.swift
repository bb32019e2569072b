import GRDB

/// Whether `apply` wrote a transaction or had already applied it.
public enum ApplyOutcome: Sendable, Equatable {
    case applied
    /// The transaction ends at or before the checkpoint: it was applied before a crash or reconnect.
    case alreadyApplied
}

extension ParityStore {
    /// Applies one source transaction durably; see `apply(_:side:)` for batches.
    @discardableResult
    public func apply(_ transaction: CapturedTransaction, side: String) throws(StoreError) -> ApplyOutcome {
        try apply([transaction], side: side) == 1 ? .applied : .alreadyApplied
    }

    /// Applies source transactions (in commit order) durably: their changes, the tables they
    /// wrote, and the new checkpoint commit in one store transaction, so a crash keeps all of
    /// them or none (group commit: one fsync for the batch). Returns how many were applied.
    ///
    /// A transaction at or below the checkpoint is skipped (the server re-sends everything after
    /// the last confirmed position). Unchanged columns take their value from the key's latest image.
    @discardableResult
    public func apply(_ transactions: [CapturedTransaction], side: String) throws(StoreError) -> Int {
        try write { db in
            guard var checkpoint = try Int64.fetchOne(
                db, sql: "SELECT checkpoint_lsn FROM source_state WHERE side = ?", arguments: [side])
            else {
                throw StoreError(code: .notInitialized, message: "the \(side) source is not initialized; run parity init", path: path)
            }
            var applied = 0
            var lastCommitTime: Int64?
            for transaction in transactions {
                let endLSN = Int64(truncatingIfNeeded: transaction.endLSN)
                guard endLSN > checkpoint else { continue }
                try insertChanges(transaction, side: side, db: db)
                checkpoint = endLSN
                lastCommitTime = transaction.commitTime
                applied += 1
            }
            guard let lastCommitTime else { return 0 }
            try db.execute(
                sql: """
                    UPDATE source_state SET checkpoint_lsn = ?, last_commit_time = ?, watermark = max(watermark, ?),
                        last_message_at = ?, last_error = NULL
                    WHERE side = ?
                    """,
                arguments: [checkpoint, lastCommitTime, lastCommitTime, Self.now(), side])
            return applied
        }
    }

    private func insertChanges(_ transaction: CapturedTransaction, side: String, db: Database) throws {
        let commitLSN = Int64(truncatingIfNeeded: transaction.commitLSN)
        let insert = try db.cachedStatement(sql: """
            INSERT INTO pending_change (side, commit_lsn, seq, mapping, xid, commit_time, op, row_key, old_key, row_values)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        var counts: [String: [Int]] = [:]
        for (seq, change) in transaction.changes.enumerated() {
            counts[change.table, default: [0, 0, 0, 0]][operationIndex(change.operation)] += 1
            guard let mapping = change.mapping else { continue }
            let key = change.operation == .truncate ? nil : RowJSON.key(change.key)
            let image: String? = switch change.operation {
            case .insert, .update: RowJSON.image(try resolvedImage(change, mapping: mapping, side: side, db: db))
            case .delete, .truncate: nil
            }
            try insert.execute(arguments: [
                side, commitLSN, seq, mapping, Int64(transaction.xid), transaction.commitTime, change.operation.rawValue,
                key, change.oldKey.map(RowJSON.key), image,
            ])
        }
        let written = try db.cachedStatement(sql: """
            INSERT INTO transaction_write (side, commit_lsn, xid, commit_time, table_name, inserts, updates, deletes, truncates)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for (table, count) in counts {
            try written.execute(arguments: [
                side, commitLSN, Int64(transaction.xid), transaction.commitTime, table, count[0], count[1], count[2], count[3],
            ])
        }
    }

    /// The change's image with every `.unchanged` column filled from the key's latest image
    /// (pending changes first, then row state); a column with no earlier value stays absent.
    private func resolvedImage(_ change: CapturedChange, mapping: String, side: String, db: Database) throws -> [String: String?] {
        var image: [String: String?] = [:]
        var unchanged: [String] = []
        for (column, value) in change.values {
            switch value {
            case .value(let text): image[column] = .some(text)
            case .unchanged: unchanged.append(column)
            }
        }
        guard !unchanged.isEmpty else { return image }
        let previousKey = RowJSON.key(change.oldKey ?? change.key)
        let previous = try latestImage(mapping: mapping, key: previousKey, side: side, db: db) ?? [:]
        for column in unchanged {
            if let value = previous[column] { image[column] = value }
        }
        return image
    }

    /// The newest image of a key: its last pending change, else its row state (nil when deleted or unknown).
    func latestImage(mapping: String, key: String, side: String, db: Database) throws -> [String: String?]? {
        if let row = try Row.fetchOne(
            db,
            sql: """
                SELECT op, row_values FROM pending_change
                WHERE side = ? AND mapping = ? AND row_key = ? ORDER BY commit_lsn DESC, seq DESC LIMIT 1
                """,
            arguments: [side, mapping, key])
        {
            let values: String? = row["row_values"]
            return values.flatMap(RowJSON.decodeImage)
        }
        let state = try String.fetchOne(
            db, sql: "SELECT row_values FROM row_state WHERE side = ? AND mapping = ? AND row_key = ?",
            arguments: [side, mapping, key])
        return state.flatMap(RowJSON.decodeImage)
    }

    private func operationIndex(_ operation: CapturedChange.Operation) -> Int {
        switch operation {
        case .insert: 0
        case .update: 1
        case .delete: 2
        case .truncate: 3
        }
    }
}
