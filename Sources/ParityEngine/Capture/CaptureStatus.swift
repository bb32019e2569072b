import LogicalReplication
import ParityConfig
import ParityStore
import PostgresClient
import Reconciliation

/// `parity status`: each source's durable position and watermark from the store, and its slot
/// as the server sees it (when reachable).
public enum CaptureStatus {
    public static func gather(_ configuration: ParityConfiguration, store: ParityStore) throws(StoreError) -> [SourceStatus] {
        try store.sourceRecords().map { record in
            var status = SourceStatus(
                side: record.side, slot: record.slot, checkpointLSN: LSN(record.checkpointLSN).description,
                watermark: record.watermark, lastCommitTime: record.lastCommitTime, lastMessageAt: record.lastMessageAt,
                lastError: record.lastError, server: nil, serverError: nil)
            guard let side = SourceSide(rawValue: record.side) else { return status }
            do {
                status.server = try slotStatus(configuration.sources[side], slot: record.slot)
            } catch {
                status.serverError = "\(error)"
            }
            return status
        }
    }

    private static func slotStatus(_ source: SourceConfiguration, slot: String) throws(PostgresError) -> ServerSlotStatus {
        let connection = try PostgresConnection.connect(ConnectionOptions(source: source))
        defer { connection.close() }
        guard let row = try connection.query("""
            SELECT active, wal_status, confirmed_flush_lsn::text AS confirmed,
                   coalesce(pg_wal_lsn_diff(pg_current_wal_lsn(), confirmed_flush_lsn), 0)::int8 AS lag,
                   coalesce(pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn), 0)::int8 AS retained
            FROM pg_replication_slots WHERE slot_name = \(slot)
            """).rows.first
        else {
            return ServerSlotStatus(exists: false, active: false, walStatus: nil, confirmedFlushLSN: nil, lagBytes: 0, retainedBytes: 0)
        }
        return ServerSlotStatus(
            exists: true, active: try row.decode(Bool.self, "active"), walStatus: try row.decode(String?.self, "wal_status"),
            confirmedFlushLSN: try row.decode(String?.self, "confirmed"), lagBytes: try row.decode(Int64.self, "lag"),
            retainedBytes: try row.decode(Int64.self, "retained"))
    }
}
