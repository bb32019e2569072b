import Foundation
import GRDB
import ParityModel

extension ParityStore {
    /// The initialized sources, legacy first.
    public func sourceRecords() throws(StoreError) -> [SourceRecord] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM source_state ORDER BY side = 'new', side").map(SourceRecord.init(row:))
        }
    }

    /// One initialized source, or nil before `parity init`.
    public func sourceRecord(side: SourceSide) throws(StoreError) -> SourceRecord? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM source_state WHERE side = ?", arguments: [side]).map(SourceRecord.init(row:))
        }
    }

    /// Records a source as initialized, with its baseline's consistent point as the checkpoint.
    public func recordInitialized(_ record: SourceRecord) throws(StoreError) {
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO source_state (side, slot, publications, system_identifier, database, consistent_point,
                        checkpoint_lsn, last_commit_time, watermark, initialized_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    record.side, record.slot, RowJSON.key(record.publications), record.systemIdentifier, record.database,
                    Int64(truncatingIfNeeded: record.consistentPoint), Int64(truncatingIfNeeded: record.checkpointLSN),
                    record.lastCommitTime, record.watermark, record.initializedAt,
                ])
        }
    }

    /// Notes that a source is idle and complete up to `position` as of server time `time` (µs since
    /// 1970): moves the watermark and the checkpoint forward, never back.
    public func recordIdle(side: SourceSide, position: UInt64, serverTime: Int64) throws(StoreError) {
        try write { db in
            try db.execute(
                sql: """
                    UPDATE source_state SET checkpoint_lsn = max(checkpoint_lsn, ?), watermark = max(watermark, ?),
                        last_message_at = ?, last_error = NULL
                    WHERE side = ?
                    """,
                arguments: [Int64(truncatingIfNeeded: position), serverTime, Self.now(), side])
        }
    }

    /// Records (or clears, with nil) the error that stopped a source's capture.
    public func recordCaptureError(side: SourceSide, _ message: String?) throws(StoreError) {
        try write { db in
            try db.execute(sql: "UPDATE source_state SET last_error = ? WHERE side = ?", arguments: [message, side])
        }
    }

    /// The current time in µs since 1970 (local clock).
    static func now() -> Int64 { Int64(Date().timeIntervalSince1970 * 1_000_000) }
}

extension SourceRecord {
    init(row: Row) throws {
        try self.init(
            side: row.vocabulary("side"), slot: row["slot"],
            publications: row.decoded("publications", "publication names", RowJSON.decodeNames),
            systemIdentifier: row["system_identifier"], database: row["database"],
            consistentPoint: UInt64(truncatingIfNeeded: row["consistent_point"] as Int64),
            checkpointLSN: UInt64(truncatingIfNeeded: row["checkpoint_lsn"] as Int64),
            lastCommitTime: row["last_commit_time"], watermark: row["watermark"], initializedAt: row["initialized_at"],
            lastMessageAt: row["last_message_at"], lastError: row["last_error"])
    }
}

extension ParityStore {
    /// Removes everything captured for a source (a failed or undone init).
    public func discardSource(side: SourceSide) throws(StoreError) {
        try write { db in
            for table in ["streamed_change", "streamed_write"] {
                try db.execute(
                    sql: "DELETE FROM \(table) WHERE stream IN (SELECT stream FROM streamed_transaction WHERE side = ?)", arguments: [side])
            }
            for table in ["streamed_transaction", "row_state", "row_delta", "pending_change", "transaction_write", "cycle_table_write",
                          "write_signature_table", "write_signature", "mapping_source", "source_state"] {
                try db.execute(sql: "DELETE FROM \(table) WHERE side = ?", arguments: [side])
            }
            try RowDelta.countStateRows(db)
        }
    }
}
