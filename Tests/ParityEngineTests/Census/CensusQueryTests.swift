import Foundation
@testable import ParityEngine
import ParityTestSupport
import PostgresClient
import Testing

@Suite("One census sample of pg_stat_activity")
struct CensusQueryTests {
    @Test("a role without pg_read_all_stats sees other roles' sessions with address and statement kind hidden; its own in full")
    func limitedView() throws {
        let cluster = try PostgresCluster.start()
        defer { cluster.stop() }
        try cluster.run("CREATE ROLE watcher LOGIN; CREATE ROLE erp LOGIN; GRANT CREATE ON SCHEMA public TO erp")
        let erp = try PostgresConnection.connect(ConnectionOptions(dsn: cluster.dsn(user: "erp"), applicationName: "erp-app"))
        defer { erp.close() }
        try erp.execute(unsafeScript: "/* orm */ CREATE TABLE erp_notes (n text)")
        let watcher = try PostgresConnection.connect(ConnectionOptions(dsn: cluster.dsn(user: "watcher"), applicationName: "parity"))
        defer { watcher.close() }
        let peer = try PostgresConnection.connect(ConnectionOptions(dsn: cluster.dsn(user: "watcher"), applicationName: "watcher-app"))
        defer { peer.close() }
        _ = try peer.query("SELECT 1")

        let limited = try CensusQuery.sample(watcher, excluding: ["parity"])
        #expect(limited.limited)
        #expect(!limited.sessions.contains { $0.identity.applicationName == "parity" })
        let hidden = try #require(limited.sessions.first { $0.identity.applicationName == "erp-app" })
        #expect(hidden.identity.role == "erp" && hidden.identity.clientAddress == "hidden" && hidden.statementKind == .hidden)
        let own = try #require(limited.sessions.first { $0.identity.applicationName == "watcher-app" })
        #expect(own.identity.clientAddress == "127.0.0.1" && own.statementKind == .read)

        try cluster.run("GRANT pg_read_all_stats TO watcher")
        let full = try CensusQuery.sample(watcher, excluding: ["parity"])
        #expect(!full.limited)
        #expect(full.sessions.first { $0.identity.applicationName == "erp-app" }?.statementKind == .ddl)
        #expect(full.sessions.allSatisfy { $0.identity.backendType == "client backend" })
    }

    @Test("only sessions on the source's database count: users of another database in the same cluster are not its users")
    func onlyTheSourcesDatabase() throws {
        let cluster = try PostgresCluster.start()
        defer { cluster.stop() }
        try cluster.createDatabase("legacy")
        try cluster.createDatabase("modern")
        let newUser = try PostgresConnection.connect(ConnectionOptions(dsn: cluster.dsn(database: "modern"), applicationName: "new-app"))
        defer { newUser.close() }
        let legacyUser = try PostgresConnection.connect(ConnectionOptions(dsn: cluster.dsn(database: "legacy"), applicationName: "erp-app"))
        defer { legacyUser.close() }
        let census = try PostgresConnection.connect(ConnectionOptions(dsn: cluster.dsn(database: "legacy"), applicationName: "parity"))
        defer { census.close() }
        let applications = try CensusQuery.sample(census, excluding: ["parity"]).sessions.map(\.identity.applicationName)
        #expect(applications.contains("erp-app"))
        #expect(!applications.contains("new-app"), "\(applications)")
    }
}
