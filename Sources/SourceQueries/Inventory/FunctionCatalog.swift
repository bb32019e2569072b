import ParityModel
import PostgresClient
import Reconciliation

/// Reads the functions of a database and the objects that run them: triggers and event triggers.
struct FunctionCatalog {
    let connection: PostgresConnection
    let scope: CatalogScope

    /// Every user function in every user schema (calls cross schemas, so the scope does not limit them).
    func sources() throws(PostgresError) -> [FunctionSource] {
        let rows = try connection.query(CatalogScope(schemas: nil).query("""
            SELECT n.nspname AS schema, p.proname AS name, l.lanname AS language,
                   CASE WHEN l.lanname = 'sql' AND coalesce(p.prosrc, '') = '' THEN pg_get_functiondef(p.oid)
                        ELSE p.prosrc END AS body
            FROM pg_proc p
            JOIN pg_namespace n ON n.oid = p.pronamespace
            JOIN pg_language l ON l.oid = p.prolang
            WHERE p.prokind IN ('f', 'p') AND \(CatalogScope.namespaceFilter("n.nspname"))
              AND \(CatalogScope.notExtensionMember(catalog: "pg_proc", oid: "p.oid"))
            ORDER BY 1, 2
            """)).rows
        var functions: [FunctionSource] = []
        for row in rows {
            functions.append(FunctionSource(
                schema: try row.decode(String.self, "schema"), name: try row.decode(String.self, "name"),
                language: try row.decode(String.self, "language"), body: try row.decode(String?.self, "body") ?? ""))
        }
        return functions
    }

    /// Triggers that are not internal (constraint triggers of foreign keys are internal).
    func triggers(_ graph: FunctionGraph) throws(PostgresError) -> [TriggerFacts] {
        let rows = try connection.query(scope.query("""
            SELECT t.tgname AS name, n.nspname || '.' || c.relname AS table_name, t.tgtype::int AS type,
                   t.tgenabled::text AS enabled, pn.nspname || '.' || p.proname AS function,
                   encode(t.tgargs, 'escape') AS arguments,
                   CASE WHEN t.tgqual IS NOT NULL THEN substring(pg_get_triggerdef(t.oid) from ' WHEN \\((.*)\\) EXECUTE ') END
                       AS condition
            FROM pg_trigger t
            JOIN pg_class c ON c.oid = t.tgrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_proc p ON p.oid = t.tgfoid
            JOIN pg_namespace pn ON pn.oid = p.pronamespace
            WHERE NOT t.tgisinternal AND \(CatalogScope.namespaceFilter("n.nspname"))
              AND \(CatalogScope.notExtensionMember(catalog: "pg_class", oid: "c.oid"))
            ORDER BY 2, 1
            """)).rows
        var triggers: [TriggerFacts] = []
        for row in rows {
            let function = try row.decode(String.self, "function")
            triggers.append(TriggerFacts(
                name: try row.decode(String.self, "name"), table: try row.decode(String.self, "table_name"),
                type: TriggerType(bits: try row.decode(Int.self, "type")),
                enabled: try enabledState(row, "enabled"), function: function,
                reach: reach(of: function, arguments: try row.decode(String?.self, "arguments") ?? "", graph: graph),
                condition: try row.decode(String?.self, "condition").map(Self.unwrapped)))
        }
        return triggers
    }

    /// A trigger's `WHEN` condition without the parentheses PostgreSQL prints around a whole expression
    /// (`(old.a IS DISTINCT FROM new.a)` → `old.a IS DISTINCT FROM new.a`; `(a > 1) AND (b < 2)` is kept).
    static func unwrapped(_ condition: String) -> String {
        guard condition.hasPrefix("("), condition.hasSuffix(")") else { return condition }
        var depth = 0
        for (offset, character) in condition.enumerated() {
            if character == "(" { depth += 1 }
            if character == ")" { depth -= 1 }
            if depth == 0, offset < condition.count - 1 { return condition }
        }
        return String(condition.dropFirst().dropLast())
    }

    /// Event triggers (database-wide, so the schema scope does not apply).
    func eventTriggers(_ graph: FunctionGraph) throws(PostgresError) -> [InventoryItem] {
        let rows = try connection.query(PostgresQuery(unsafeSQL: """
            SELECT e.evtname AS name, e.evtevent AS event, e.evtenabled::text AS enabled,
                   coalesce(array_to_string(e.evttags, ', '), '') AS tags, pn.nspname || '.' || p.proname AS function
            FROM pg_event_trigger e
            JOIN pg_proc p ON p.oid = e.evtfoid
            JOIN pg_namespace pn ON pn.oid = p.pronamespace
            WHERE \(CatalogScope.notExtensionMember(catalog: "pg_event_trigger", oid: "e.oid"))
            ORDER BY 1
            """)).rows
        var items: [InventoryItem] = []
        for row in rows {
            let function = try row.decode(String.self, "function")
            let reach = graph.reach(from: function)
            let tags = try row.decode(String.self, "tags")
            items.append(InventoryItem(
                kind: .eventTrigger, name: try row.decode(String.self, "name"),
                details: [
                    .text("event", try row.decode(String.self, "event")),
                    .text("enabled", try enabledState(row, "enabled").rawValue),
                    .list("tags", tags.isEmpty ? [] : tags.components(separatedBy: ", ")),
                    .text("function", function + "()"),
                    .list("function_chain", reach.chain.map { $0 + "()" }),
                    .list("writes", reach.writes.map(\.table)),
                ],
                bodyHash: reach.bodyHash))
        }
        return items
    }

    /// What a trigger's function reaches: from its body when Parity can read it, from the trigger's arguments for a
    /// known built-in, otherwise nothing it can see, and the function is listed as unanalysed.
    private func reach(of function: String, arguments: String, graph: FunctionGraph) -> FunctionReach {
        if graph.contains(function) { return graph.reach(from: function) }
        if let builtin = BuiltinTriggerFunction.reach(function: function, arguments: BuiltinTriggerFunction.arguments(escaped: arguments)) {
            return builtin
        }
        var reach = graph.reach(from: function)
        reach.unanalyzedFunctions.append("\(function) (built-in or extension: no readable body)")
        return reach
    }

    private func enabledState(_ row: PostgresRow, _ column: String) throws(PostgresError) -> TriggerEnabledState {
        let code = try row.decode(String.self, column)
        guard let state = TriggerEnabledState(code: code) else {
            throw PostgresError(code: .invalidValue, message: "unknown enabled state \(code) in \(column)")
        }
        return state
    }
}
