import Foundation
import ParityConfig
import ParityModel
import Testing

@Suite struct ExampleConfigTests {
    @Test func exampleParsesWithEnvironment() throws {
        let configuration = try ParityConfiguration.load(
            path: Fixtures.examplePath,
            environment: ["PARITY_LEGACY_DSN": Fixtures.legacyDSN, "PARITY_HTTP_TOKEN": "t0ken"]
        )
        #expect(configuration.sources.legacy.dsn == Fixtures.legacyDSN)
        #expect(configuration.sources.new.dsn == "host=127.0.0.1 port=5432 dbname=modern user=parity")
        #expect(configuration.cycle.timezone == "America/Vancouver")
        #expect(configuration.tables.map(\.name) == ["invoices", "order_lines"])
        #expect(configuration.tables[1].legacy == QualifiedName(schema: "Sales", name: "Order Lines"))
        #expect(configuration.tables[0].key.normalize == [.trim, .stripPrefix("INV-"), .zeroPad(8)])
        let status = try #require(configuration.table(named: "invoices")?.column(legacy: "status"))
        #expect(status.map == ["O": "open", "P": "paid", "V": "void"])
        #expect(configuration.aggregates.count == 2)
        #expect(configuration.aggregates[1].measure == .count("*"))
        #expect(configuration.hiddenState.documented.count == 2)
        #expect(configuration.dispositions[2].table == .legacyTable(QualifiedName(name: "session_cache")))
        #expect(configuration.dispositions[1].pattern == #"^\s+$"#)
        #expect(configuration.http.token == "t0ken")
        #expect(configuration.text.contains("parity_legacy"))
    }

    @Test func exampleRequiresTheLegacyDSN() {
        do {
            _ = try ParityConfiguration.load(path: Fixtures.examplePath, environment: [:])
            Issue.record("expected an unset variable issue")
        } catch {
            #expect(error.issues.count == 1)
            #expect(error.issues.first?.path == "sources.legacy.dsn")
            #expect(error.issues.first?.problem == "environment variable PARITY_LEGACY_DSN is not set")
        }
    }

    @Test func missingFileIsOneIssue() {
        do {
            _ = try ParityConfiguration.load(path: "/nonexistent/parity.yaml", environment: [:])
            Issue.record("expected an error")
        } catch {
            #expect(error.issues.count == 1)
            #expect(error.description == "/nonexistent/parity.yaml: the file does not exist; check the path, or start from config/parity.example.yaml")
        }
    }
}
