import ParityModel
import ParityStore
import PostgresClient

extension PostgresStore {
    /// The initialized sources, legacy first.
    public func sourceRecords() throws(StoreError) -> [SourceRecord] {
        try read { transaction in
            try transaction.rows("SELECT * FROM source_state ORDER BY side = 'new', side").map(SourceRecord.init(row:))
        }
    }

    /// One initialized source, or nil before `parity init`.
    public func sourceRecord(side: SourceSide) throws(StoreError) -> SourceRecord? {
        try read { transaction in
            try transaction.row("SELECT * FROM source_state WHERE side = \(side.rawValue)").map(SourceRecord.init(row:))
        }
    }

    /// Records a source as initialized, with its baseline's consistent point as the checkpoint.
    public func recordInitialized(_ record: SourceRecord) throws(StoreError) {
        try write { transaction in
            try transaction.execute("""
                INSERT INTO source_state (side, slot, publications, system_identifier, database, consistent_point,
                    checkpoint_lsn, last_commit_time, watermark, initialized_at)
                VALUES (\(record.side.rawValue), \(record.slot), \(RowJSON.key(record.publications)), \(record.systemIdentifier),
                    \(record.database), \(Int64(truncatingIfNeeded: record.consistentPoint)), \(Int64(truncatingIfNeeded: record.checkpointLSN)),
                    \(record.lastCommitTime), \(record.watermark), \(record.initializedAt))
                """)
        }
    }

    /// Notes that a source is idle and complete up to `position` as of server time `serverTime` (µs since 1970): moves
    /// the watermark and the checkpoint forward, never back.
    public func recordIdle(side: SourceSide, position: UInt64, serverTime: Int64) throws(StoreError) {
        try write { transaction in
            try transaction.execute("""
                UPDATE source_state SET checkpoint_lsn = greatest(checkpoint_lsn, \(Int64(truncatingIfNeeded: position))),
                    watermark = greatest(watermark, \(serverTime)), last_message_at = \(Self.now()), last_error = NULL
                WHERE side = \(side.rawValue)
                """)
        }
    }

    /// Records (or clears, with nil) the error that stopped a source's capture.
    public func recordCaptureError(side: SourceSide, _ message: String?) throws(StoreError) {
        try write { transaction in
            try transaction.execute("UPDATE source_state SET last_error = \(message) WHERE side = \(side.rawValue)")
        }
    }

    /// Removes everything captured for a source (a failed or undone init).
    public func discardSource(side: SourceSide) throws(StoreError) {
        try write { transaction in
            try Self.dropStreams(side: side, in: transaction)
            for table in ["row_state", "pending_change", "pending_truncate", "transaction_write", "cycle_table_write", "write_signature_table",
                          "write_signature", "mapping_source", "source_state"] {
                try transaction.execute(PostgresQuery(unsafeSQL: "DELETE FROM \(table) WHERE side = $1", binds: [side.rawValue]))
            }
        }
    }

    /// Makes every transaction committed so far survive power loss: a commit with `synchronous_commit = on` flushes the
    /// write-ahead log through it, and with it every earlier commit (a server may run with it off for speed).
    public func makeDurable() throws(StoreError) {
        try write { transaction in
            try transaction.execute("SET LOCAL synchronous_commit = on")
            try transaction.execute("""
                INSERT INTO store_info (key, value) VALUES ('durable_at', \(String(Self.now())))
                ON CONFLICT (key) DO UPDATE SET value = excluded.value
                """)
        }
    }
}

extension SourceRecord {
    init(row: PostgresRow) throws {
        try self.init(
            side: row.vocabulary("side"), slot: row.text("slot"),
            publications: row.decoded("publications", "publication names", RowJSON.decodeNames),
            systemIdentifier: row.text("system_identifier"), database: row.text("database"),
            consistentPoint: UInt64(truncatingIfNeeded: row.int64("consistent_point")),
            checkpointLSN: UInt64(truncatingIfNeeded: row.int64("checkpoint_lsn")),
            lastCommitTime: row.optionalInt64("last_commit_time"), watermark: row.int64("watermark"),
            initializedAt: row.int64("initialized_at"), lastMessageAt: row.optionalInt64("last_message_at"), lastError: row["last_error"])
    }
}
