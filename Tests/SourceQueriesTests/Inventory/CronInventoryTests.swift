import Foundation
import ParityTestSupport
import Reconciliation
import SourceQueries
import Testing

/// pg_cron needs the extension on this machine (`apt-get install postgresql-15-cron`) and a server
/// started with it preloaded; without it, the main inventory test checks the "not installed" note.
@Suite(
    "pg_cron jobs in the inventory", .serialized,
    .enabled(if: FileManager.default.fileExists(atPath: "/usr/share/postgresql/15/extension/pg_cron.control"))
)
final class CronInventoryTests {
    let cluster: PostgresCluster

    init() throws {
        cluster = try PostgresCluster.start(settings: ["shared_preload_libraries": "'pg_cron'", "cron.database_name": "'legacy'"])
        try cluster.createDatabase("legacy")
        try cluster.createDatabase("other")
        try cluster.run("""
            CREATE EXTENSION pg_cron;
            CREATE TABLE public.sessions (id int PRIMARY KEY, seen timestamptz);
            CREATE MATERIALIZED VIEW public.monthly AS SELECT count(*) AS n FROM public.sessions;
            SELECT cron.schedule('nightly-rollup', '0 3 * * *', 'REFRESH MATERIALIZED VIEW public.monthly');
            SELECT cron.schedule('*/5 * * * *', $$DELETE FROM public.sessions WHERE seen < now() - interval '1 day'$$);
            CREATE ROLE auditor LOGIN;
            GRANT USAGE ON SCHEMA cron TO auditor;
            CREATE ROLE outsider LOGIN;
            """, database: "legacy")
    }

    deinit { cluster.stop() }

    private func inventory(database: String = "legacy", user: String = "postgres") throws -> Inventory {
        let connection = try cluster.connect(database: database, user: user)
        defer { connection.close() }
        return try CatalogInventory(connection: connection, source: .legacy).take()
    }

    @Test("a superuser sees every job of this database, with the tables its command writes")
    func jobs() throws {
        let found = try inventory()
        let jobs = found.items.filter { $0.kind == .cronJob }.map { item in
            item.name + item.details.map { " | \($0.key)=\($0.value)" }.joined()
        }
        #expect(jobs == [
            "job 2 | schedule=*/5 * * * * | command=DELETE FROM public.sessions WHERE seen < now() - interval '1 day'"
                + " | username=postgres | active=true | writes=public.sessions",
            "nightly-rollup | schedule=0 3 * * * | command=REFRESH MATERIALIZED VIEW public.monthly"
                + " | username=postgres | active=true | writes=public.monthly",
        ])
        #expect(found.notes.isEmpty)
        #expect(!found.items.contains { $0.table?.hasPrefix("cron.") == true }, "\(found.items.map(\.id))")
    }

    @Test("row-level security hiding other users' jobs, or no access at all, is a note")
    func restrictedRoles() throws {
        let auditor = try inventory(user: "auditor")
        #expect(auditor.items.filter { $0.kind == .cronJob }.isEmpty)
        #expect(auditor.notes == ["pg_cron: role cannot see other users' jobs (no BYPASSRLS); only its own jobs are listed"])
        let outsider = try inventory(user: "outsider")
        #expect(outsider.notes == ["pg_cron: role cannot read cron.job; grant USAGE ON SCHEMA cron and SELECT ON cron.job to list scheduled jobs"])
    }

    @Test("in another database, the note says where the jobs live")
    func otherDatabase() throws {
        #expect(try inventory(database: "other").notes == ["pg_cron: jobs live in database legacy; take its inventory to see jobs that run here"])
    }
}
