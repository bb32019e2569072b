import Foundation
import ParityConfig
import ParityTestSupport
import PostgresClient
import Reconciliation
import Reports
import SourceQueries
import Testing

@Suite("Other consumers of legacy changes in the inventory")
struct ConsumerInventoryTests {
    @Test("a foreign logical slot, walsender and subscription are listed; Parity's own are not; no password shows")
    func consumers() throws {
        let cluster = try PostgresCluster.start()
        defer { cluster.stop() }
        try cluster.createDatabase("legacy")
        for statement in [
            "CREATE TABLE orders (id int PRIMARY KEY); CREATE PUBLICATION parity_legacy FOR TABLE orders; CREATE PUBLICATION cdc_feed FOR ALL TABLES",
            "SELECT pg_create_logical_replication_slot('cdc_tool', 'pgoutput')",
            "SELECT pg_create_logical_replication_slot('parity_legacy', 'pgoutput')",
            "CREATE SUBSCRIPTION pull_rates CONNECTION 'host=rates.example.com dbname=rates password=topsecret' PUBLICATION rates WITH (connect = false)",
        ] {
            try cluster.run(statement, database: "legacy")
        }
        let connection = try cluster.connect(database: "legacy")
        defer { connection.close() }
        let walsenders = try ["cdc-tool", "parity"].map { name in
            try PostgresConnection.connect(
                ConnectionOptions(dsn: cluster.dsn(database: "legacy"), applicationName: name, replication: .database))
        }
        defer { walsenders.forEach { $0.close() } }
        let footprint = ParityFootprint(slots: ["parity_legacy"], publications: ["parity_legacy"], applicationNames: ["parity"])
        let inventory = try CatalogInventory(connection: connection, source: .legacy, footprint: footprint).take()
        let consumers = inventory.items.filter { [.slot, .publication, .subscription, .standby].contains($0.kind) }
        #expect(consumers.map { "\($0.kind.rawValue) \($0.name)" }
            == ["publication cdc_feed", "slot cdc_tool", "standby cdc-tool", "subscription pull_rates"])
        let standby = try #require(consumers.first { $0.kind == .standby })
        #expect(standby.detail("client") == .text("127.0.0.1"))
        #expect(standby.detail("role") == .text("postgres"))
        let slot = try #require(consumers.first { $0.kind == .slot })
        #expect(slot.detail("type") == .text("logical (pgoutput)"))
        #expect(slot.detail("active") == .text("false"))
        guard case .text(let retained) = slot.detail("retained_wal_bytes") else { Issue.record("no retained WAL"); return }
        #expect(Int64(retained) != nil)
        let subscription = try #require(consumers.first { $0.kind == .subscription })
        #expect(subscription.detail("connects_to") == .list(["rates.example.com"]))
        #expect(consumers.first { $0.kind == .publication }?.detail("tables") == .list(["all tables"]))

        let verdict = LegacyUse.quietVerdict(cycles: [], allowedClients: [], inventory: inventory)
        #expect(verdict.consumers.map(\.name) == ["cdc_feed", "cdc_tool", "cdc-tool", "pull_rates"])
        for format in [OutputFormat.text, .json] {
            #expect(!InventoryRenderer.render(inventory, blindSpots: [], format: format).contains("topsecret"))
        }
    }
}
