import ParityConfig
import ParityModel
import PostgresClient
import Reconciliation

/// Reads pg_cron jobs that run in this database. What cannot be read (no extension, no privilege,
/// rows hidden by row-level security) becomes a note, never an error.
struct CronCatalog {
    let connection: PostgresConnection

    /// The jobs and the notes about what could not be seen.
    func jobs() throws(PostgresError) -> (items: [InventoryItem], notes: [String]) {
        let setup = try connection.query("""
            SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_cron') AS installed,
                   (SELECT setting FROM pg_settings WHERE name = 'cron.database_name') AS cron_database, current_database() AS database
            """).singleRow()
        guard try setup.decode(Bool.self, "installed") else {
            if let home = try setup.decode(String?.self, "cron_database"), home != (try setup.decode(String.self, "database")) {
                return ([], ["pg_cron: jobs live in database \(home); take its inventory to see jobs that run here"])
            }
            return ([], ["pg_cron: extension not installed"])
        }
        let access = try connection.query("""
            SELECT has_schema_privilege(n.oid, 'USAGE') AND has_table_privilege(c.oid, 'SELECT') AS readable,
                   (SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user) AS bypasses,
                   c.relrowsecurity AS secured
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'cron' AND c.relname = 'job'
            """).singleRow()
        guard try access.decode(Bool.self, "readable") else {
            return ([], ["pg_cron: role cannot read cron.job; grant USAGE ON SCHEMA cron and SELECT ON cron.job to list scheduled jobs"])
        }
        var notes: [String] = []
        if try access.decode(Bool.self, "secured"), !(try access.decode(Bool.self, "bypasses")) {
            notes.append("pg_cron: role cannot see other users' jobs (no BYPASSRLS); only its own jobs are listed")
        }
        let rows = try connection.query("""
            SELECT jobid::bigint AS id, coalesce(jobname, '') AS name, schedule, command, database, username, active
            FROM cron.job WHERE database = current_database() ORDER BY jobid
            """).rows
        var items: [InventoryItem] = []
        for row in rows {
            let command = try row.decode(String.self, "command")
            let name = try row.decode(String.self, "name")
            items.append(InventoryItem(
                kind: .cronJob, name: name.isEmpty ? "job \(try row.decode(Int64.self, "id"))" : name,
                details: [
                    .text("schedule", try row.decode(String.self, "schedule")),
                    .text("command", command),
                    .text("username", try row.decode(String.self, "username")),
                    .text("active", try row.decode(Bool.self, "active") ? "true" : "false"),
                    .list("writes", PlpgsqlBodyAnalyzer.analyze(command).writtenTables.map { "\($0.schema).\($0.name)" }),
                ] + OutboundAnalyzer.analyze(command).details,
                bodyHash: StableHash.fnv1a64(SQLTokenizer.normalized(command))))
        }
        return (items, notes)
    }
}
