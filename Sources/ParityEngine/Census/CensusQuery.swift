import ParityModel
import ParityStore
import PostgresClient
import Reconciliation

/// One census sample of a source: when, whether the role saw everything, and its sessions grouped.
struct CensusSample: Sendable {
    /// Server time of the sample, µs since 1970.
    var sampledAt: Int64
    /// Whether the role lacked `pg_read_all_stats` (other roles' addresses and statements hidden).
    var limited: Bool
    /// Sessions grouped by who they are and their statement kind.
    var sessions: [CensusSessions]
}

/// The one query a census sample runs against `pg_stat_activity`. The statement text never leaves the
/// server: the query returns only its first keyword and whether it mentions a data-changing statement. Only sessions
/// on the source's database count (and those on none, such as a physical standby's): the new database may live in the
/// same cluster, and its users are not legacy's.
enum CensusQuery {
    /// Background processes that are not clients.
    private static let serverProcesses = [
        "autovacuum launcher", "autovacuum worker", "background writer", "checkpointer", "walwriter", "startup", "archiver",
        "walreceiver", "walsummarizer", "logical replication launcher", "parallel worker", "io worker", "slotsync worker",
    ]

    private static let sql = """
        SELECT t.sampled_at, t.full_view, g.role, g.database, g.application, g.client, g.backend_type, g.visible, g.keyword,
               g.modifies, g.sessions
        FROM (SELECT (extract(epoch FROM clock_timestamp()) * 1000000)::bigint AS sampled_at,
                     pg_has_role('pg_read_all_stats', 'USAGE') AS full_view) t
        LEFT JOIN (
            SELECT coalesce(a.usename::text, '') AS role, coalesce(a.datname::text, '') AS database,
                   coalesce(a.application_name, '') AS application,
                   CASE WHEN a.query = '<insufficient privilege>' THEN 'hidden'
                        WHEN a.client_addr IS NOT NULL THEN host(a.client_addr)
                        WHEN a.client_port = -1 THEN 'local socket' ELSE 'hidden' END AS client,
                   coalesce(a.backend_type, '') AS backend_type,
                   a.query IS DISTINCT FROM '<insufficient privilege>' AS visible,
                   coalesce(lower(substring(regexp_replace(coalesce(a.query, ''), '^(\\s|--[^\\n]*(\\n|$)|/\\*([^*]|\\*+[^*/])*\\*+/)+', '')
                                            FROM '^[A-Za-z_]{1,30}')), '') AS keyword,
                   coalesce(a.query ~* '\\m(insert|update|delete|merge)\\M' OR a.query ~* '\\mfrom\\s+(stdin|program|'')', false) AS modifies,
                   count(*)::bigint AS sessions
            FROM pg_stat_activity a
            WHERE a.pid <> pg_backend_pid() AND (a.datname IS NULL OR a.datname = current_database())
              AND coalesce(a.backend_type, '') NOT IN (\(serverProcesses.map { "'\($0)'" }.joined(separator: ", ")))
            GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
        ) g ON true
        """

    /// Takes one sample; sessions whose application name is in `excluded` (Parity's own) are left out.
    static func sample(_ connection: PostgresConnection, excluding excluded: Set<String>) throws(PostgresError) -> CensusSample {
        let rows = try connection.query(PostgresQuery(unsafeSQL: sql)).rows
        guard let first = rows.first else { throw PostgresError(code: .unexpectedResult, message: "the census query returned no row") }
        var grouped: [CensusSessions: Int] = [:]
        for row in rows {
            guard let sessions = try row.decode(Int64?.self, "sessions") else { continue }
            let application = try row.decode(String.self, "application")
            guard !excluded.contains(application) else { continue }
            let backendType = try row.decode(String.self, "backend_type")
            let kind = StatementKind.classify(
                keyword: try row.decode(String.self, "keyword"), modifiesData: try row.decode(Bool.self, "modifies"),
                backendType: backendType, visible: try row.decode(Bool.self, "visible"))
            let key = CensusSessions(
                identity: CensusClient.Identity(
                    role: try row.decode(String.self, "role"), database: try row.decode(String.self, "database"), applicationName: application,
                    clientAddress: try row.decode(String.self, "client"), backendType: backendType),
                statementKind: kind, count: 0)
            grouped[key, default: 0] += Int(sessions)
        }
        let sessions = grouped.map { key, count in
            var group = key
            group.count = count
            return group
        }
        return CensusSample(
            sampledAt: try first.decode(Int64.self, "sampled_at"), limited: !(try first.decode(Bool.self, "full_view")),
            sessions: sessions.sorted {
                ($0.identity.applicationName, $0.identity.role, $0.statementKind.rawValue)
                    < ($1.identity.applicationName, $1.identity.role, $1.statementKind.rawValue)
            })
    }
}
