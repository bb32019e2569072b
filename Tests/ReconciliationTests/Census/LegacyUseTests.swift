import Foundation
import ParityConfig
import ParityModel
import Testing
@testable import Reconciliation

@Suite("Legacy use: the gate's quiet verdict and the end-of-day section")
struct LegacyUseTests {
    private let at = Date(timeIntervalSince1970: 1_795_000_000)

    private func client(_ application: String, _ kinds: [StatementKind] = [.write]) -> CensusClient {
        CensusClient(
            identity: CensusClient.Identity(
                role: "app", database: "legacy", applicationName: application, clientAddress: "10.0.0.9", backendType: "client backend"),
            firstSeen: at, lastSeen: at, samples: 2, kinds: kinds)
    }

    private func census(_ cycle: Int64, samples: Int = 3, limited: Int = 0, _ clients: [CensusClient]) -> CycleCensus {
        CycleCensus(cycle: cycle, start: at, end: at.addingTimeInterval(60), samples: samples, limitedSamples: limited, clients: clients)
    }

    @Test("clients not allowed offend, with the cycles they were seen in; allowed ones do not")
    func clients() {
        let verdict = LegacyUse.quietVerdict(
            cycles: [census(1, [client("billing"), client("reporting", [.read])]), census(2, [client("billing", [.read])])],
            allowedClients: ["reporting"], inventory: nil)
        #expect(verdict.clients.map(\.identity.applicationName) == ["billing"])
        #expect(verdict.clients.first?.cycles == [1, 2])
        #expect(verdict.clients.first?.kinds == [.read, .write])
        #expect(!verdict.isQuiet)
        #expect(verdict.evidence == ["client billing (app@legacy from 10.0.0.9, client backend) in cycles 1, 2 (read, write)"])
        #expect(LegacyUse.quietVerdict(cycles: [census(3, [])], allowedClients: [], inventory: nil).isQuiet)
    }

    @Test("an unsampled cycle cannot be called quiet")
    func unsampled() {
        let verdict = LegacyUse.quietVerdict(cycles: [census(4, samples: 0, [])], allowedClients: [], inventory: nil)
        #expect(verdict.unsampledCycles == [4])
        #expect(!verdict.isQuiet)
        #expect(census(4, samples: 0, []).visibilityNote?.contains("no census sample") == true)
        #expect(census(5, samples: 4, limited: 4, []).visibilityNote?.contains("pg_read_all_stats") == true)
    }

    @Test("undocumented integrations and every foreign slot offend; documented integrations do not")
    func inventory() {
        let server = InventoryItem(kind: .foreignServer, name: "warehouse", details: [.list("connects_to", ["wh.example.com"])])
        let accepted = InventoryItem(kind: .function, name: "public.push")
        let slot = InventoryItem(kind: .slot, name: "cdc_tool")
        let cron = InventoryItem(kind: .cronJob, name: "nightly", details: [.list("programs", ["copy to program gzip"])])
        let quietCron = InventoryItem(kind: .cronJob, name: "vacuum")
        let documented = [
            DocumentedObject(kind: .function, name: "public.push", disposition: .reproduced),
            DocumentedObject(kind: .slot, name: "cdc_tool", disposition: .accepted),
        ]
        let inventory = Inventory(source: .legacy, items: [server, accepted, slot, cron, quietCron], triggers: []).documented(by: documented)
        let verdict = LegacyUse.quietVerdict(cycles: [census(1, [])], allowedClients: [], inventory: inventory)
        #expect(verdict.integrations.map(\.name) == ["nightly", "warehouse"])
        #expect(verdict.consumers.map(\.name) == ["cdc_tool"])
        #expect(verdict.evidence.contains("outbound foreign_server warehouse → wh.example.com"))
    }

    @Test("the end-of-day section lists clients new since the previous cycle first")
    func newFirst() {
        let section = EndOfDayReport.LegacyClients(
            census: census(2, [client("alpha"), client("zeta")]), previous: census(1, [client("alpha")]))
        #expect(section.lines.map { "\($0.client.identity.applicationName) \($0.isNew)" } == ["zeta true", "alpha false"])
        #expect(section.samples == 3)
        #expect(section.note == nil)
    }
}
