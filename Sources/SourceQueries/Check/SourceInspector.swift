import Foundation
import ParityConfig
import ParityModel
import PostgresClient
import Reconciliation

/// Reads what `parity check` needs from a source's catalog. Read-only: changes nothing.
struct SourceInspector {
    let connection: PostgresConnection
    let source: SourceConfiguration

    /// Server settings, the role's privileges, a replication connection attempt, and the given tables.
    func facts(tables: [QualifiedName]) throws(PostgresError) -> SourceFacts {
        let server = try connection.query("""
            SELECT current_setting('server_version_num')::int AS version,
                   current_setting('wal_level') AS wal_level,
                   current_setting('max_replication_slots')::int AS max_slots,
                   (SELECT count(*) FROM pg_replication_slots)::int AS used_slots,
                   EXISTS (SELECT 1 FROM pg_replication_slots WHERE slot_name = \(source.slot)) AS slot_exists,
                   (SELECT wal_status FROM pg_replication_slots WHERE slot_name = \(source.slot)) AS slot_wal_status,
                   current_setting('max_wal_senders')::int AS max_senders,
                   (SELECT count(*) FROM pg_stat_replication)::int AS used_senders,
                   current_user AS role,
                   (SELECT rolsuper OR rolreplication FROM pg_roles WHERE rolname = current_user) AS can_replicate,
                   current_setting('max_slot_wal_keep_size', true) AS keep_size,
                   current_database() AS database,
                   has_database_privilege(current_database(), 'CREATE') AS can_create
            """).singleRow()
        var byName: [QualifiedName: TableFacts] = [:]
        for table in Set(tables) {
            if let facts = try tableFacts(table) { byName[table] = facts }
        }
        return SourceFacts(
            serverVersion: try server.decode(Int.self, "version"),
            walLevel: try server.decode(String.self, "wal_level"),
            maxReplicationSlots: try server.decode(Int.self, "max_slots"),
            usedReplicationSlots: try server.decode(Int.self, "used_slots"),
            slotExists: try server.decode(Bool.self, "slot_exists"),
            maxWalSenders: try server.decode(Int.self, "max_senders"),
            usedWalSenders: try server.decode(Int.self, "used_senders"),
            role: try server.decode(String.self, "role"),
            canReplicate: try server.decode(Bool.self, "can_replicate"),
            maxSlotWalKeepSize: try server.decode(String?.self, "keep_size"),
            replicationConnectionError: replicationConnectionError(),
            tables: byName,
            slotWalStatus: try server.decode(String?.self, "slot_wal_status"),
            initPrivileges: InitPrivileges(
                database: try server.decode(String.self, "database"), canCreatePublication: try server.decode(Bool.self, "can_create"),
                unownedWatchedTables: try unownedWatchedTables())
        )
    }

    /// Tables `init` would publish from `watch_schemas` that the role does not own (at most 20), `schema.table (owner)`.
    private func unownedWatchedTables() throws(PostgresError) -> [String] {
        guard !source.watchSchemas.isEmpty else { return [] }
        return try connection.query("""
            SELECT n.nspname || '.' || c.relname || ' (' || pg_get_userbyid(c.relowner) || ')' AS entry
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relpersistence = 'p'
              AND n.nspname = ANY(\(textArrayLiteral(source.watchSchemas))::text[]) AND NOT pg_has_role(c.relowner, 'USAGE')
            ORDER BY 1 LIMIT 20
            """).rows.map { row throws(PostgresError) in try row.decode(String.self, "entry") }
    }

    private func tableFacts(_ table: QualifiedName) throws(PostgresError) -> TableFacts? {
        let found = try connection.query("""
            SELECT c.oid::int8 AS oid, c.relkind::text AS kind, c.relreplident::text AS identity,
                   has_table_privilege(c.oid, 'SELECT') AS can_select,
                   CASE WHEN NOT pg_has_role(c.relowner, 'USAGE') THEN pg_get_userbyid(c.relowner)::text END AS foreign_owner,
                   EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.oid AND i.indisprimary) AS has_pk,
                   EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.oid AND i.indisreplident) AS has_identity_index,
                   array_to_json(ARRAY(
                       SELECT a.attname FROM pg_index i
                       JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
                       WHERE i.indrelid = c.oid AND CASE c.relreplident WHEN 'd' THEN i.indisprimary
                                                                        WHEN 'i' THEN i.indisreplident ELSE false END
                       ORDER BY array_position(i.indkey, a.attnum)))::text AS identity_columns,
                   array_to_json(ARRAY(
                       SELECT array_to_json(ARRAY(
                           SELECT a.attname FROM pg_attribute a
                           WHERE a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey) ORDER BY a.attname))
                       FROM pg_index i
                       WHERE i.indrelid = c.oid AND i.indisunique AND i.indisvalid AND i.indpred IS NULL
                             AND i.indexprs IS NULL))::text AS unique_sets
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = \(table.schema) AND c.relname = \(table.name)
            """)
        guard let row = found.rows.first else { return nil }
        let columns = try connection.query("""
            SELECT a.attname AS name, coalesce(b.typname, t.typname)::text AS type_name,
                   coalesce(b.typcategory, t.typcategory)::text AS category,
                   format_type(a.atttypid, a.atttypmod) AS declared
            FROM pg_attribute a
            JOIN pg_type t ON t.oid = a.atttypid
            LEFT JOIN pg_type b ON b.oid = t.typbasetype AND t.typtype = 'd'
            WHERE a.attrelid = \(try row.decode(Int64.self, "oid"))::oid AND a.attnum > 0 AND NOT a.attisdropped
            ORDER BY a.attnum
            """).rows.map { column throws(PostgresError) in
                ColumnFacts(
                    name: try column.decode(String.self, "name"),
                    typeName: try column.decode(String.self, "type_name"),
                    typeCategory: try column.decode(String.self, "category").first ?? "X",
                    declaredType: try column.decode(String.self, "declared")
                )
            }
        return TableFacts(
            kind: try row.decode(String.self, "kind").first ?? "r",
            replicaIdentity: try row.decode(String.self, "identity").first ?? "d",
            hasPrimaryKey: try row.decode(Bool.self, "has_pk"),
            hasReplicaIdentityIndex: try row.decode(Bool.self, "has_identity_index"),
            canSelect: try row.decode(Bool.self, "can_select"),
            columns: columns,
            replicaIdentityColumns: try jsonStrings(row.decode(String.self, "identity_columns")),
            uniqueColumnSets: try? JSONDecoder().decode([[String]].self, from: Data(try row.decode(String.self, "unique_sets").utf8)),
            foreignOwner: try row.decode(String?.self, "foreign_owner")
        )
    }

    /// The strings of a JSON array of strings (`["id","region"]`).
    private func jsonStrings(_ text: String) -> [String] {
        (try? JSONDecoder().decode([String].self, from: Data(text.utf8))) ?? []
    }

    /// Opens a `replication=database` connection and runs IDENTIFY_SYSTEM; nil when that works.
    private func replicationConnectionError() -> String? {
        do {
            let replication = try PostgresConnection.connect(ConnectionOptions(source: source, replication: .database))
            defer { replication.close() }
            try replication.query("IDENTIFY_SYSTEM")
            return nil
        } catch {
            return error.message
        }
    }
}
