import Foundation
import ParityConfig
import ParityEngine
import PostgresClient
import Reconciliation
import Reports
import Testing

@Suite("Client census while capturing")
struct ClientCensusTests {
    @Test("a client with its own application name is listed for the cycle with its write kind, never its query; Parity is not")
    func clientListed() throws {
        let scenario = try ReconciliationScenario(extraYAML: "census: { interval: 1s }")
        defer { scenario.stop() }
        let session = try scenario.startCapture()
        defer { session.stop() }
        let calendar = try #require(CycleCalendar(scenario.configuration.cycle))
        let window = try CycleClock.waitForWindow(calendar, offset: 0.2...1.5)
        let client = try PostgresConnection.connect(
            ConnectionOptions(dsn: scenario.legacy.dsn(database: "legacy"), applicationName: "billing-batch"))
        try client.execute(unsafeScript: "INSERT INTO heap_log VALUES (7, 'card 4111 1111 1111 1111')")
        Thread.sleep(forTimeInterval: 2.5)
        client.close()
        try scenario.closeThrough(window, session: session)

        let cycle = try #require(try scenario.store.cycles().first { $0.label == window.label })
        let report = try EndOfDayLoader.load(scenario.configuration, store: scenario.store, cycle: cycle.id)
        let section = try #require(report.legacyClients)
        #expect(section.samples >= 2)
        #expect(section.note == nil)
        let billing = try #require(section.lines.first { $0.client.identity.applicationName == "billing-batch" })
        #expect(billing.isNew)
        #expect(billing.client.kinds.contains(.write))
        #expect(billing.client.identity.role == "postgres")
        #expect(billing.client.identity.database == "legacy")
        #expect(billing.client.identity.clientAddress == "127.0.0.1")
        #expect(billing.client.samples >= 2)
        #expect(!section.lines.contains { $0.client.identity.applicationName == "parity" })
        #expect(session.census.lastErrors.isEmpty)

        for format in [OutputFormat.text, .json, .html] {
            let rendered = EndOfDayRenderer.render(report, format: format)
            #expect(rendered.contains("billing-batch"))
            #expect(!rendered.contains("4111") && !rendered.lowercased().contains("insert into"))
        }
        let json = EndOfDayRenderer.render(report, format: .json)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let clients = try #require((document["legacy_clients"] as? [String: Any])?["clients"] as? [[String: Any]])
        let entry = try #require(clients.first { $0["application_name"] as? String == "billing-batch" })
        #expect(entry["new"] as? Bool == true)
        #expect((entry["kinds"] as? [String])?.contains("write") == true)

        let verdict = LegacyUse.quietVerdict(
            cycles: try CensusReader.legacyCensus(of: [cycle], store: scenario.store), allowedClients: ["parity-tests"], inventory: nil)
        #expect(verdict.clients.map(\.identity.applicationName) == ["billing-batch"])
    }
}
