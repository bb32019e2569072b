import ParityModel
import PostgresClient
import Reconciliation

/// Reads relation-level hidden state: sequences, unlogged tables, materialized views, foreign tables
/// and tables whose changes cannot be replicated with a key (no usable replica identity).
struct RelationCatalog {
    let connection: PostgresConnection
    let scope: CatalogScope

    func items() throws(PostgresError) -> [InventoryItem] {
        let rows = try connection.query(scope.query("""
            SELECT n.nspname AS schema, c.relname AS name, c.relkind::text AS kind, c.relpersistence::text AS persistence,
                   c.relreplident::text AS identity, c.relispopulated AS populated,
                   EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.oid AND i.indisprimary) AS has_primary_key,
                   EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.oid AND i.indisreplident) AS has_identity_index,
                   (SELECT s.srvname FROM pg_foreign_table f JOIN pg_foreign_server s ON s.oid = f.ftserver
                    WHERE f.ftrelid = c.oid) AS server,
                   (SELECT dn.nspname || '.' || dc.relname || '.' || a.attname
                    FROM pg_depend d
                    JOIN pg_class dc ON dc.oid = d.refobjid
                    JOIN pg_namespace dn ON dn.oid = dc.relnamespace
                    JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
                    WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.refclassid = 'pg_class'::regclass
                      AND d.deptype IN ('a', 'i') LIMIT 1) AS owned_by,
                   CASE WHEN c.relkind = 'm' THEN pg_get_viewdef(c.oid) END AS definition
            FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p', 'S', 'm', 'f') AND \(CatalogScope.namespaceFilter("n.nspname"))
              AND \(CatalogScope.notExtensionMember(catalog: "pg_class", oid: "c.oid"))
            ORDER BY 1, 2
            """)).rows
        var items: [InventoryItem] = []
        for row in rows {
            if let item = try item(row) { items.append(item) }
        }
        return items
    }

    private func item(_ row: PostgresRow) throws(PostgresError) -> InventoryItem? {
        let name = try row.decode(String.self, "name")
        let table = try row.decode(String.self, "schema") + "." + name
        switch (try row.decode(String.self, "kind"), try row.decode(String.self, "persistence")) {
        case ("S", _):
            return InventoryItem(kind: .sequence, name: name, table: table,
                                 details: [.text("owned_by", try row.decode(String?.self, "owned_by") ?? "-")])
        case ("m", _):
            let definition = try row.decode(String.self, "definition")
            return InventoryItem(kind: .materializedView, name: name, table: table,
                                 details: [.text("populated", try row.decode(Bool.self, "populated") ? "true" : "false")],
                                 bodyHash: StableHash.fnv1a64(SQLTokenizer.normalized(definition)))
        case ("f", _):
            return InventoryItem(kind: .foreignTable, name: name, table: table,
                                 details: [.text("server", try row.decode(String.self, "server"))])
        case (_, "u"):
            return InventoryItem(kind: .unloggedTable, name: name, table: table)
        case ("r", "p"):
            return try missingIdentity(row).map {
                InventoryItem(kind: .noReplicaIdentity, name: name, table: table, details: [.text("replica_identity", $0)])
            }
        default:
            return nil
        }
    }

    /// Why a permanent table has no usable replica identity, or nil when it has one.
    private func missingIdentity(_ row: PostgresRow) throws(PostgresError) -> String? {
        switch try row.decode(String.self, "identity") {
        case "n": "nothing"
        case "d" where !(try row.decode(Bool.self, "has_primary_key")): "default, without a primary key"
        case "i" where !(try row.decode(Bool.self, "has_identity_index")): "index, but the index is gone"
        default: nil
        }
    }
}
