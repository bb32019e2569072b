import GRDB

/// The commit a change is recorded under in pending_change and transaction_write.
struct CommitRecord {
    var xid: Int64
    var commitLSN: Int64
    var commitTime: Int64
}

/// Per-table operation counts of one transaction, for transaction_write.
struct WriteCounts {
    private var counts: [String: [Int]] = [:]

    mutating func count(_ operation: CapturedChange.Operation, table: String) {
        let index = switch operation {
        case .insert: 0
        case .update: 1
        case .delete: 2
        case .truncate: 3
        }
        counts[table, default: [0, 0, 0, 0]][index] += 1
    }

    func write(_ commit: CommitRecord, side: String, db: Database) throws {
        let written = try db.cachedStatement(sql: """
            INSERT INTO transaction_write (side, commit_lsn, xid, commit_time, table_name, inserts, updates, deletes, truncates)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for (table, count) in counts {
            try written.execute(arguments: [
                side, commit.commitLSN, commit.xid, commit.commitTime, table, count[0], count[1], count[2], count[3],
            ])
        }
    }
}

/// Writing committed changes into pending_change and advancing a source's checkpoint; shared by
/// ordinary and streamed transactions.
extension ParityStore {
    /// The source's checkpoint LSN; throws when the source was never initialized.
    func checkpoint(side: String, db: Database) throws -> Int64 {
        guard let checkpoint = try Int64.fetchOne(db, sql: "SELECT checkpoint_lsn FROM source_state WHERE side = ?", arguments: [side]) else {
            throw StoreError(code: .notInitialized, message: "the \(side) source is not initialized; run parity init", path: path)
        }
        return checkpoint
    }

    /// Records that everything through `checkpoint` is durable, the last transaction committed at `commitTime`.
    func advanceCheckpoint(side: String, to checkpoint: Int64, commitTime: Int64, db: Database) throws {
        try db.execute(
            sql: """
                UPDATE source_state SET checkpoint_lsn = ?, last_commit_time = ?, watermark = max(watermark, ?),
                    last_message_at = ?, last_error = NULL
                WHERE side = ?
                """,
            arguments: [checkpoint, commitTime, commitTime, Self.now(), side])
    }

    /// Inserts one change of a mapped table (key and image already in their JSON forms).
    func insertPending(
        mapping: String, operation: CapturedChange.Operation, key: String?, oldKey: String?, image: String?,
        seq: Int64, commit: CommitRecord, side: String, db: Database
    ) throws {
        let insert = try db.cachedStatement(sql: """
            INSERT INTO pending_change (side, commit_lsn, seq, mapping, xid, commit_time, op, row_key, old_key, row_values)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        try insert.execute(arguments: [
            side, commit.commitLSN, seq, mapping, commit.xid, commit.commitTime, operation.rawValue, key, oldKey, image,
        ])
    }

    /// The `known` image with each `unchanged` column filled from the latest image of `previousKey`
    /// before position (`commit`, `seq`) (pending changes first, then row state); a column with no
    /// earlier value stays absent.
    func resolvedImage(
        known: [String: String?], unchanged: [String], previousKey: String, mapping: String,
        before commit: CommitRecord, seq: Int64, side: String, db: Database
    ) throws -> [String: String?] {
        guard !unchanged.isEmpty else { return known }
        var image = known
        let previous = try latestImage(mapping: mapping, key: previousKey, before: (commit.commitLSN, seq), side: side, db: db) ?? [:]
        for column in unchanged {
            if let value = previous[column] { image[column] = value }
        }
        return image
    }

    /// The newest image of a key before a position (commit LSN, seq): its last pending change
    /// there, else its row state (nil when deleted or unknown). Bounded by position, so later
    /// changes already written (a streamed commit moves most rows first) are never taken.
    func latestImage(
        mapping: String, key: String, before position: (commitLSN: Int64, seq: Int64), side: String, db: Database
    ) throws -> [String: String?]? {
        if let row = try Row.fetchOne(
            db,
            sql: """
                SELECT op, row_values FROM pending_change
                WHERE side = ? AND mapping = ? AND row_key = ? AND (commit_lsn, seq) < (?, ?)
                ORDER BY commit_lsn DESC, seq DESC LIMIT 1
                """,
            arguments: [side, mapping, key, position.commitLSN, position.seq])
        {
            let values: String? = row["row_values"]
            return values.flatMap(RowJSON.decodeImage)
        }
        let state = try String.fetchOne(
            db, sql: "SELECT row_values FROM row_state WHERE side = ? AND mapping = ? AND row_key = ?",
            arguments: [side, mapping, key])
        return state.flatMap(RowJSON.decodeImage)
    }
}

extension CapturedChange {
    /// The image's values that were sent, and the columns left unchanged (in name order).
    var splitValues: (known: [String: String?], unchanged: [String]) {
        var known: [String: String?] = [:]
        var unchanged: [String] = []
        for (column, value) in values {
            switch value {
            case .value(let text): known[column] = .some(text)
            case .unchanged: unchanged.append(column)
            }
        }
        return (known, unchanged.sorted())
    }
}
