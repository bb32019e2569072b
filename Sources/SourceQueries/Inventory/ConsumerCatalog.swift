import ParityModel
import PostgresClient
import Reconciliation

/// Reads who else consumes the database's changes: replication slots and publications that are not
/// Parity's, walsenders in `pg_stat_replication` (standbys, CDC tools) and subscriptions.
struct ConsumerCatalog {
    let connection: PostgresConnection
    let footprint: ParityFootprint

    /// Every consumer, slots first.
    func items() throws(PostgresError) -> [InventoryItem] {
        try slots() + standbys() + publications() + subscriptions()
    }

    /// What the role cannot see about consumers, one sentence each: walsenders whose details are hidden.
    func notes() throws(PostgresError) -> [String] {
        let hidden = try connection.query("SELECT count(*)::bigint AS hidden FROM pg_stat_replication WHERE state IS NULL")
            .singleRow().decode(Int64.self, "hidden")
        return hidden == 0 ? [] : ["pg_stat_replication: role lacks pg_read_all_stats; \(hidden) standbys' addresses and states show as hidden"]
    }

    /// Slots of this database (logical) or the whole server (physical), with activity and retained WAL.
    private func slots() throws(PostgresError) -> [InventoryItem] {
        let rows = try connection.query("""
            SELECT s.slot_name AS name, s.slot_type AS type, coalesce(s.plugin, '') AS plugin, s.active,
                   coalesce((SELECT a.application_name FROM pg_stat_activity a WHERE a.pid = s.active_pid), '') AS consumer,
                   coalesce(pg_wal_lsn_diff(CASE WHEN pg_is_in_recovery() THEN pg_last_wal_replay_lsn() ELSE pg_current_wal_lsn() END,
                                            s.restart_lsn), 0)::bigint AS retained
            FROM pg_replication_slots s
            WHERE s.database IS NULL OR s.database = current_database()
            ORDER BY 1
            """).rows
        var items: [InventoryItem] = []
        for row in rows {
            let name = try row.decode(String.self, "name")
            guard !footprint.slots.contains(name) else { continue }
            let plugin = try row.decode(String.self, "plugin")
            items.append(InventoryItem(
                kind: .slot, name: name,
                details: [
                    .text("type", try row.decode(String.self, "type") + (plugin.isEmpty ? "" : " (\(plugin))")),
                    .text("active", try row.decode(Bool.self, "active") ? "true" : "false"),
                    .text("consumer", try row.decode(String.self, "consumer")),
                    .text("retained_wal_bytes", String(try row.decode(Int64.self, "retained"))),
                ]))
        }
        return items
    }

    /// Walsenders other than Parity's: physical standbys and logical consumers connected now.
    private func standbys() throws(PostgresError) -> [InventoryItem] {
        let rows = try connection.query("""
            SELECT r.pid::bigint AS pid, coalesce(r.application_name, '') AS application, coalesce(r.usename::text, '') AS role,
                   CASE WHEN r.client_addr IS NOT NULL THEN host(r.client_addr)
                        WHEN r.client_port = -1 THEN 'local socket' ELSE 'hidden' END AS client,
                   coalesce(r.state, 'hidden') AS state, coalesce(r.sync_state, 'hidden') AS sync_state,
                   coalesce((SELECT s.slot_name::text FROM pg_replication_slots s WHERE s.active_pid = r.pid), '') AS slot
            FROM pg_stat_replication r
            ORDER BY 2, 1
            """).rows
        var items: [InventoryItem] = []
        for row in rows {
            let application = try row.decode(String.self, "application")
            let slot = try row.decode(String.self, "slot")
            guard !footprint.applicationNames.contains(application), !footprint.slots.contains(slot) else { continue }
            items.append(InventoryItem(
                kind: .standby, name: application.isEmpty ? "walsender \(try row.decode(Int64.self, "pid"))" : application,
                details: [
                    .text("role", try row.decode(String.self, "role")),
                    .text("client", try row.decode(String.self, "client")),
                    .text("state", try row.decode(String.self, "state")),
                    .text("sync_state", try row.decode(String.self, "sync_state")),
                    .text("slot", slot.isEmpty ? "-" : slot),
                ]))
        }
        return items
    }

    private func publications() throws(PostgresError) -> [InventoryItem] {
        let rows = try connection.query("""
            SELECT p.pubname AS name, p.puballtables AS all_tables,
                   concat_ws(', ', CASE WHEN p.pubinsert THEN 'insert' END, CASE WHEN p.pubupdate THEN 'update' END,
                             CASE WHEN p.pubdelete THEN 'delete' END, CASE WHEN p.pubtruncate THEN 'truncate' END) AS operations,
                   coalesce((SELECT string_agg(t.schemaname || '.' || t.tablename, ',' ORDER BY t.schemaname, t.tablename) FROM pg_publication_tables t
                             WHERE t.pubname = p.pubname AND NOT p.puballtables), '') AS tables
            FROM pg_publication p
            ORDER BY 1
            """).rows
        var items: [InventoryItem] = []
        for row in rows {
            let name = try row.decode(String.self, "name")
            guard !footprint.publications.contains(name) else { continue }
            let tables = try row.decode(String.self, "tables").split(separator: ",").map(String.init)
            items.append(InventoryItem(
                kind: .publication, name: name,
                details: [
                    .text("operations", try row.decode(String.self, "operations")),
                    .list("tables", try row.decode(Bool.self, "all_tables") ? ["all tables"] : tables),
                ]))
        }
        return items
    }

    /// Subscriptions of this database; the publisher's host only when the role may read the connection string.
    private func subscriptions() throws(PostgresError) -> [InventoryItem] {
        let readable = try connection.query(
            "SELECT has_column_privilege('pg_catalog.pg_subscription', 'subconninfo', 'SELECT') AS readable"
        ).singleRow().decode(Bool.self, "readable")
        let rows = try connection.query(PostgresQuery(unsafeSQL: """
            SELECT s.subname AS name, s.subenabled AS enabled, array_to_string(s.subpublications, ',') AS publications,
                   \(readable ? "s.subconninfo" : "NULL::text") AS conninfo
            FROM pg_subscription s
            WHERE s.subdbid = (SELECT oid FROM pg_database WHERE datname = current_database())
            ORDER BY 1
            """)).rows
        var items: [InventoryItem] = []
        for row in rows {
            let conninfo = try row.decode(String?.self, "conninfo")
            items.append(InventoryItem(
                kind: .subscription, name: try row.decode(String.self, "name"),
                details: [
                    .text("enabled", try row.decode(Bool.self, "enabled") ? "true" : "false"),
                    .list("publications", try row.decode(String.self, "publications").split(separator: ",").map(String.init)),
                    .list("connects_to", conninfo.map { ConnectionTarget.hosts(in: $0) ?? [] } ?? ["hidden"]),
                ]))
        }
        return items
    }
}
