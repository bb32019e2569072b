import ParityConfig
import PostgresClient
import Reconciliation

/// Reads Parity's replication slot on a source as the server sees it: `parity status`, the gate, `check` and the
/// start of capture judge it (``SlotProblem``), and the service's metrics read its retained WAL.
public enum SlotReader {
    /// The slot `slot` on `source`; `exists` false when there is none.
    public static func read(_ source: SourceConfiguration, slot: String) throws(PostgresError) -> ServerSlotStatus {
        let connection = try PostgresConnection.connect(ConnectionOptions(source: source))
        defer { connection.close() }
        guard let row = try connection.query("""
            SELECT s.active, s.wal_status, s.confirmed_flush_lsn::text AS confirmed,
                   coalesce(pg_wal_lsn_diff(pg_current_wal_lsn(), s.confirmed_flush_lsn), 0)::int8 AS lag,
                   coalesce(pg_wal_lsn_diff(pg_current_wal_lsn(), s.restart_lsn), 0)::int8 AS retained,
                   CASE WHEN s.active_pid IS NOT NULL THEN
                       'PID ' || s.active_pid || coalesce(', application ' || nullif(a.application_name, ''), '')
                       || coalesce(', user ' || a.usename, '') || coalesce(', from ' || host(a.client_addr), ', local')
                       || coalesce(', since ' || to_char(a.backend_start AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') || ' UTC', '')
                   END AS holder
            FROM pg_replication_slots AS s LEFT JOIN pg_stat_activity AS a ON a.pid = s.active_pid
            WHERE s.slot_name = \(slot)
            """).rows.first
        else {
            return ServerSlotStatus(exists: false, active: false, walStatus: nil, confirmedFlushLSN: nil, lagBytes: 0, retainedBytes: 0)
        }
        return ServerSlotStatus(
            exists: true, active: try row.decode(Bool.self, "active"), walStatus: try row.decode(String?.self, "wal_status"),
            confirmedFlushLSN: try row.decode(String?.self, "confirmed"), lagBytes: try row.decode(Int64.self, "lag"),
            retainedBytes: try row.decode(Int64.self, "retained"), holder: try row.decode(String?.self, "holder"))
    }
}
