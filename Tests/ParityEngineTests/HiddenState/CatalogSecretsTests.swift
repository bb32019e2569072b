import Foundation
import ParityEngine
import ParityTestSupport
import Testing

/// Issue 30: a credential in a legacy function's dynamic SQL is masked before the inventory shows or stores it.
@Suite("Credentials in the legacy catalog stay out of the inventory and the store")
struct CatalogSecretsTests {
    /// A trigger whose function ships rows with curl, its credentials in `-u` and in a URL, inside `EXECUTE` strings.
    static let legacySchema = ReconciliationScenario.legacySchema + """
        CREATE FUNCTION public.ship_orders() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          EXECUTE 'COPY orders TO PROGRAM ''curl -u admin:s3cret https://x''';
          EXECUTE 'COPY orders TO PROGRAM ''curl -T - https://admin:s3cret@files.example.com/orders.csv''';
          RETURN NULL;
        END $$;
        CREATE TRIGGER orders_ship AFTER INSERT ON orders FOR EACH STATEMENT EXECUTE FUNCTION public.ship_orders();
        """

    @Test("parity inventory --format json and the store hold the dynamic SQL with its secrets masked")
    func maskedEverywhere() throws {
        let scenario = try ReconciliationScenario(legacySchema: Self.legacySchema)
        defer { scenario.stop() }
        let session = try scenario.startCapture()
        session.stop()

        let json = try ParityBinary.run(["inventory", "--config", scenario.configuration.file, "--source", "legacy", "--format", "json"])
        #expect(json.status == 0, "\(json.output)")
        #expect(json.output.contains("curl -u admin:*** https://x"))
        #expect(json.output.contains("https://admin:***@files.example.com/orders.csv"))
        #expect(!json.output.contains("s3cret"))

        var stored = Data()
        for suffix in ["", "-wal", "-shm"] {
            stored += (try? Data(contentsOf: URL(fileURLWithPath: scenario.scratch.file("parity.sqlite" + suffix)))) ?? Data()
        }
        #expect(stored.range(of: Data("curl -u admin:***".utf8)) != nil)
        #expect(stored.range(of: Data("s3cret".utf8)) == nil)
    }
}
