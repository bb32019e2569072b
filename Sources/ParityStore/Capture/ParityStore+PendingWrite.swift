import GRDB
import ParityModel

/// The commit a change is recorded under in pending_change and transaction_write (both stores).
package struct CommitRecord {
    package var xid: Int64
    package var commitLSN: Int64
    package var commitTime: Int64

    package init(xid: Int64, commitLSN: Int64, commitTime: Int64) {
        self.xid = xid
        self.commitLSN = commitLSN
        self.commitTime = commitTime
    }
}

/// Per-table operation counts of one transaction (`[inserts, updates, deletes, truncates]` by table), for
/// transaction_write (both stores).
package struct WriteCounts {
    package private(set) var counts: [String: [Int]] = [:]

    package init() {}

    package mutating func count(_ operation: CapturedChange.Operation, table: String) {
        counts[table, default: [0, 0, 0, 0]][operation.countIndex] += 1
    }

    /// Adds these counts to the open stream's running counts in streamed_write.
    func add(toStream stream: Int64, db: Database) throws {
        let upsert = try db.cachedStatement(sql: """
            INSERT INTO streamed_write (stream, table_name, inserts, updates, deletes, truncates) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (stream, table_name) DO UPDATE SET inserts = inserts + excluded.inserts,
                updates = updates + excluded.updates, deletes = deletes + excluded.deletes, truncates = truncates + excluded.truncates
            """)
        for (table, count) in counts {
            try upsert.execute(arguments: [stream, table, count[0], count[1], count[2], count[3]])
        }
    }

    /// Adds one transaction_write row per table to `rows` (a ``BatchInsert/transactionWrites()``).
    func write(_ commit: CommitRecord, side: SourceSide, into rows: inout BatchInsert, db: Database) throws {
        for (table, count) in counts {
            try rows.append([
                side.databaseValue, commit.commitLSN.databaseValue, commit.xid.databaseValue, commit.commitTime.databaseValue,
                table.databaseValue, count[0].databaseValue, count[1].databaseValue, count[2].databaseValue, count[3].databaseValue,
            ], db: db)
        }
    }
}

extension BatchInsert {
    /// Rows of transaction_write, bound by ``WriteCounts/write(_:side:into:db:)``.
    static func transactionWrites() -> BatchInsert {
        BatchInsert(table: "transaction_write", columns: [
            "side", "commit_lsn", "xid", "commit_time", "table_name", "inserts", "updates", "deletes", "truncates",
        ])
    }

    /// Rows of pending_change, bound by ``ParityStore/insertPending(mapping:operation:key:oldKey:image:seq:commit:side:into:db:)``.
    static func pendingChanges() -> BatchInsert {
        BatchInsert(table: "pending_change", columns: [
            "side", "commit_lsn", "seq", "mapping", "xid", "commit_time", "op", "row_key", "old_key", "row_values",
        ])
    }
}

/// Writing committed changes into pending_change, the newest image of a key for unchanged columns, and
/// advancing a source's checkpoint; shared by ordinary and streamed transactions.
extension ParityStore {
    /// The source's checkpoint LSN; throws when the source was never initialized.
    func checkpoint(side: SourceSide, db: Database) throws -> Int64 {
        let select = try db.cachedStatement(sql: "SELECT checkpoint_lsn FROM source_state WHERE side = ?")
        guard let checkpoint = try Int64.fetchOne(select, arguments: [side]) else {
            throw StoreError(code: .notInitialized, message: "the \(side) source is not initialized; run parity init", path: path)
        }
        return checkpoint
    }

    /// Records that everything through `checkpoint` is durable, the last transaction committed at `commitTime`.
    func advanceCheckpoint(side: SourceSide, to checkpoint: Int64, commitTime: Int64, db: Database) throws {
        try db.cachedStatement(sql: """
            UPDATE source_state SET checkpoint_lsn = ?, last_commit_time = ?, watermark = max(watermark, ?),
                last_message_at = ?, last_error = NULL
            WHERE side = ?
            """).execute(arguments: [checkpoint, commitTime, commitTime, Self.now(), side])
    }

    /// Adds one change of a mapped table (key and image already in their JSON forms) to `rows`
    /// (a ``BatchInsert/pendingChanges()``); flush them before looking up images.
    func insertPending(
        mapping: String, operation: CapturedChange.Operation, key: String?, oldKey: String?, image: String?,
        seq: Int64, commit: CommitRecord, side: SourceSide, into rows: inout BatchInsert, db: Database
    ) throws {
        try rows.append([
            side.databaseValue, commit.commitLSN.databaseValue, seq.databaseValue, mapping.databaseValue, commit.xid.databaseValue,
            commit.commitTime.databaseValue, operation.rawValue.databaseValue, key.databaseValue, oldKey.databaseValue,
            image.databaseValue,
        ], db: db)
    }

    /// The `known` image with each `unchanged` column filled from the latest image of `previousKey`
    /// before position (`commit`, `seq`) (pending changes first, then row state); a column with no
    /// earlier value stays absent.
    func resolvedImage(
        known: [String: String?], unchanged: [String], previousKey: String, mapping: String,
        before commit: CommitRecord, seq: Int64, side: SourceSide, db: Database
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
    /// there (in pending_change or a committed streamed transaction), else its row state (nil when
    /// deleted or unknown). Bounded by position, so later changes already written (the rest of a
    /// streamed transaction being committed) are never taken.
    func latestImage(
        mapping: String, key: String, before position: (commitLSN: Int64, seq: Int64), side: SourceSide, db: Database
    ) throws -> [String: String?]? {
        let arguments: StatementArguments = [side, mapping, key, position.commitLSN, position.seq]
        let pending = try Row.fetchOne(
            db.cachedStatement(sql: """
                SELECT commit_lsn, seq, row_values FROM pending_change
                WHERE side = ? AND mapping = ? AND row_key = ? AND (commit_lsn, seq) < (?, ?)
                ORDER BY commit_lsn DESC, seq DESC LIMIT 1
                """),
            arguments: arguments)
        let streamed = try Row.fetchOne(
            db.cachedStatement(sql: """
                SELECT t.commit_lsn, c.seq, c.row_values FROM streamed_change c JOIN streamed_transaction t ON t.stream = c.stream
                WHERE t.side = ? AND c.mapping = ? AND c.row_key = ? AND t.commit_lsn IS NOT NULL AND (t.commit_lsn, c.seq) < (?, ?)
                ORDER BY t.commit_lsn DESC, c.seq DESC LIMIT 1
                """),
            arguments: arguments)
        let position = { (row: Row) -> (Int64, Int64) in (row["commit_lsn"], row["seq"]) }
        if let latest = [pending, streamed].compactMap({ $0 }).max(by: { position($0) < position($1) }) {
            let values: String? = latest["row_values"]
            return try values.map { try layouts.decode($0, key: key, db) }
        }
        return try RowDelta.closedValues(db, side: side, mapping: mapping, key: key).map { try layouts.decode($0, key: key, db) }
    }
}
