import ParityConfig
import ParityModel
import PostgresClient
import Reconciliation

/// Reads what acts on rows of a table besides triggers: rules, row-level security policies,
/// stored generated columns and defaults that call user functions.
struct TableRuleCatalog {
    let connection: PostgresConnection
    let scope: CatalogScope

    /// Rewrite rules other than a view's `_RETURN`, with the tables their actions write.
    func rules() throws(PostgresError) -> [InventoryItem] {
        let rows = try connection.query(scope.query("""
            SELECT r.rulename AS name, n.nspname || '.' || c.relname AS table_name, r.ev_type::text AS event,
                   r.is_instead AS instead, r.ev_enabled::text AS enabled, pg_get_ruledef(r.oid) AS definition
            FROM pg_rewrite r
            JOIN pg_class c ON c.oid = r.ev_class
            JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE r.rulename <> '_RETURN' AND \(CatalogScope.namespaceFilter("n.nspname"))
              AND \(CatalogScope.notExtensionMember(catalog: "pg_class", oid: "c.oid"))
            ORDER BY 2, 1
            """)).rows
        let events = ["1": "select", "2": "update", "3": "insert", "4": "delete"]
        var items: [InventoryItem] = []
        for row in rows {
            let definition = try row.decode(String.self, "definition")
            let enabled = try row.decode(String.self, "enabled")
            items.append(InventoryItem(
                kind: .rule, name: try row.decode(String.self, "name"), table: try row.decode(String.self, "table_name"),
                details: [
                    .text("event", events[try row.decode(String.self, "event")] ?? "unknown"),
                    .text("action", try row.decode(Bool.self, "instead") ? "instead" : "also"),
                    .text("enabled", TriggerEnabledState(code: enabled)?.rawValue ?? enabled),
                    .list("writes", PlpgsqlBodyAnalyzer.analyze(definition).writtenTables.map { "\($0.schema).\($0.name)" }),
                ],
                bodyHash: StableHash.fnv1a64(SQLTokenizer.normalized(definition))))
        }
        return items
    }

    /// Row-level security policies (an extension's own, such as pg_cron's on `cron.job`, left out).
    func policies() throws(PostgresError) -> [InventoryItem] {
        let rows = try connection.query(scope.query("""
            SELECT pol.polname AS name, n.nspname || '.' || c.relname AS table_name,
                   CASE WHEN pol.polpermissive THEN 'permissive' ELSE 'restrictive' END AS permissive,
                   CASE pol.polcmd WHEN 'r' THEN 'select' WHEN 'a' THEN 'insert' WHEN 'w' THEN 'update'
                                   WHEN 'd' THEN 'delete' ELSE 'all' END AS cmd,
                   CASE WHEN pol.polroles = '{0}' THEN 'public'
                        ELSE array_to_string(ARRAY(SELECT r.rolname FROM pg_roles r WHERE r.oid = ANY (pol.polroles)
                                                   ORDER BY r.rolname), ', ') END AS roles,
                   coalesce(pg_get_expr(pol.polqual, pol.polrelid), '') AS qual,
                   coalesce(pg_get_expr(pol.polwithcheck, pol.polrelid), '') AS with_check
            FROM pg_policy pol
            JOIN pg_class c ON c.oid = pol.polrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE \(CatalogScope.namespaceFilter("n.nspname"))
              AND \(CatalogScope.notExtensionMember(catalog: "pg_class", oid: "c.oid"))
            ORDER BY 2, 1
            """)).rows
        var items: [InventoryItem] = []
        for row in rows {
            let qual = try row.decode(String.self, "qual")
            let check = try row.decode(String.self, "with_check")
            items.append(InventoryItem(
                kind: .policy, name: try row.decode(String.self, "name"), table: try row.decode(String.self, "table_name"),
                details: [
                    .text("command", try row.decode(String.self, "cmd")),
                    .text("permissive", try row.decode(String.self, "permissive")),
                    .list("roles", try row.decode(String.self, "roles").components(separatedBy: ", ")),
                    .text("using", qual.isEmpty ? "-" : qual),
                    .text("with_check", check.isEmpty ? "-" : check),
                ],
                bodyHash: StableHash.fnv1a64(qual + "\n" + check)))
        }
        return items
    }

    /// Stored generated columns, and defaults whose expression calls a user function (built-ins such
    /// as `now()` and `nextval()` are pinned, so `pg_depend` never lists them).
    func columnExpressions() throws(PostgresError) -> [InventoryItem] {
        let rows = try connection.query(scope.query("""
            SELECT n.nspname || '.' || c.relname AS table_name, a.attname AS column_name, a.attgenerated::text AS generated,
                   pg_get_expr(d.adbin, d.adrelid) AS expression,
                   coalesce((SELECT string_agg(pn.nspname || '.' || p.proname || '()', ', ' ORDER BY pn.nspname, p.proname)
                             FROM pg_depend dep
                             JOIN pg_proc p ON p.oid = dep.refobjid
                             JOIN pg_namespace pn ON pn.oid = p.pronamespace
                             WHERE dep.classid = 'pg_attrdef'::regclass AND dep.objid = d.oid
                               AND dep.refclassid = 'pg_proc'::regclass), '') AS functions
            FROM pg_attrdef d
            JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum
            JOIN pg_class c ON c.oid = d.adrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE NOT a.attisdropped AND c.relkind IN ('r', 'p') AND \(CatalogScope.namespaceFilter("n.nspname"))
              AND \(CatalogScope.notExtensionMember(catalog: "pg_class", oid: "c.oid"))
            ORDER BY 1, 2
            """)).rows
        var items: [InventoryItem] = []
        for row in rows {
            let expression = try row.decode(String.self, "expression")
            let functions = try row.decode(String.self, "functions")
            let kind: HiddenStateKind
            var details: [InventoryDetail] = [.text("expression", expression)]
            if try row.decode(String.self, "generated") == "s" {
                kind = .generatedColumn
            } else if !functions.isEmpty {
                kind = .default
                details.append(.list("functions", functions.components(separatedBy: ", ")))
            } else {
                continue
            }
            items.append(InventoryItem(
                kind: kind, name: try row.decode(String.self, "column_name"), table: try row.decode(String.self, "table_name"),
                details: details, bodyHash: StableHash.fnv1a64(expression)))
        }
        return items
    }
}
