import ParityModel
import PostgresClient
import Reconciliation

/// Reads what the database reaches outside itself that the catalog declares: foreign servers with
/// their user mappings, and the untrusted procedural languages installed. Host names only: server
/// options other than `host`/`hostaddr` and every user mapping option (passwords) are never read.
struct IntegrationCatalog {
    let connection: PostgresConnection

    /// Foreign servers (database-wide, so the schema scope does not apply).
    func foreignServers() throws(PostgresError) -> [InventoryItem] {
        let rows = try connection.query("""
            SELECT s.srvname AS name, w.fdwname AS wrapper,
                   coalesce((SELECT string_agg(substr(o, strpos(o, '=') + 1), ',' ORDER BY o) FROM unnest(s.srvoptions) o
                             WHERE o LIKE 'host=%' OR o LIKE 'hostaddr=%'), '') AS hosts,
                   coalesce((SELECT string_agg(m.usename, ',' ORDER BY m.usename) FROM pg_user_mappings m
                             WHERE m.srvid = s.oid), '') AS mappings
            FROM pg_foreign_server s
            JOIN pg_foreign_data_wrapper w ON w.oid = s.srvfdw
            ORDER BY 1
            """).rows
        var items: [InventoryItem] = []
        for row in rows {
            let wrapper = try row.decode(String.self, "wrapper")
            let hosts = try row.decode(String.self, "hosts").split(separator: ",").map(String.init)
            let reachesSocket = hosts.isEmpty && ["postgres_fdw", "dblink_fdw"].contains(wrapper)
            items.append(InventoryItem(
                kind: .foreignServer, name: try row.decode(String.self, "name"),
                details: [
                    .text("wrapper", wrapper),
                    .list("connects_to", reachesSocket ? [ConnectionTarget.localSocket] : hosts),
                    .list("user_mappings", try row.decode(String.self, "mappings").split(separator: ",").map(String.init)),
                ]))
        }
        return items
    }

    /// Procedural languages installed without the trusted flag (`plpython3u`, `plperlu`, …).
    func untrustedLanguages() throws(PostgresError) -> Set<String> {
        var names = Set<String>()
        for row in try connection.query("SELECT lanname FROM pg_language WHERE lanispl AND NOT lanpltrusted").rows {
            names.insert(try row.decode(String.self, "lanname"))
        }
        return names
    }
}
