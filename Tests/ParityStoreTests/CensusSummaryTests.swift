import Foundation
import ParityModel
@testable import ParityStore
import Testing

@Suite("Retired census samples: their summary")
struct CensusSummaryTests {
    static let erp = CensusClient.Identity(role: "erp", database: "legacy", applicationName: "erp-app", clientAddress: "10.0.0.5",
                                           backendType: "client backend")

    @Test("groups of samples add up per cycle: counts summed, first and last seen widened, kinds joined")
    func merge() throws {
        var summary = CensusSummary(cycles: [ClosedWindowsTests.cycle(1, from: 100, to: 200), ClosedWindowsTests.cycle(2, from: 200, to: 300)])
        summary.add(samples: 3, limited: 1, takenAt: 100)
        summary.add(samples: 1, limited: 0, takenAt: 150)
        summary.add(samples: 2, limited: 2, takenAt: 250)
        summary.add(samples: 9, limited: 9, takenAt: 300)
        #expect(summary.cycleSamples == [1: .init(samples: 4, limited: 1), 2: .init(samples: 2, limited: 2)])
        summary.add(Self.erp, seen: .init(firstSeen: 120, lastSeen: 180, samples: 3, kinds: [.write]), takenAt: 120)
        summary.add(Self.erp, seen: .init(firstSeen: 110, lastSeen: 110, samples: 1, kinds: [.read, .write]), takenAt: 110)
        summary.add(Self.erp, seen: .init(firstSeen: 210, lastSeen: 210, samples: 1, kinds: [.ddl]), takenAt: 210)
        let first = try #require(summary.clients[CensusSummary.CycleClient(cycle: 1, Self.erp)])
        #expect(first == .init(firstSeen: 110, lastSeen: 180, samples: 4, kinds: [.read, .write]))
        #expect(first.kindsText == "read,write")
        #expect(summary.clients.count == 2)
    }

    @Test("statement kinds from a comma-separated list, joined lists too; an unknown kind is none")
    func kinds() throws {
        #expect(try CensusSummary.kinds("write,read,write") == [.read, .write])
        #expect(try CensusSummary.kinds("") == [])
        let error = #expect(throws: UnknownStoredValue.self) { try CensusSummary.kinds("read,telepathy") }
        #expect(error?.column == "statement_kind" && error?.value == "telepathy")
    }
}
