import ParityModel
import ParityStore
import Testing

/// A stored value this Parity does not know (written by a newer Parity) is a typed error naming the column and the
/// value, never a trap and never silently skipped.
@Suite("Store contract: unknown stored values")
struct UnknownValueContractTests {
    static func expectUnknown(_ column: String, _ value: String, _ body: () throws -> Void) {
        let error = #expect(throws: StoreError.self) { try body() }
        #expect(error?.code == .unknownValue)
        #expect(error?.column == column)
        #expect(error?.value == value)
        #expect(error?.description.contains(value) == true)
    }

    @Test("an unknown finding kind", arguments: StoreFactory.all)
    func findingKind(_ factory: StoreFactory) throws {
        let opened = try factory.open()
        try Fixtures.close(opened.store, 0, CycleClose(
            cycle: Fixtures.cycle(0), tables: [], findings: [Fixtures.finding("1", column: "amount", kind: .rounding)], carried: []))
        try factory.plant(opened, .findingKind("phantom_kind"))
        Self.expectUnknown("kind", "phantom_kind") { _ = try opened.store.findings(cycle: 0) }
    }

    @Test("an unknown cycle status", arguments: StoreFactory.all)
    func cycleStatus(_ factory: StoreFactory) throws {
        let opened = try factory.open()
        try Fixtures.close(opened.store, 0)
        try factory.plant(opened, .cycleStatus("abandoned"))
        Self.expectUnknown("status", "abandoned") { _ = try opened.store.cycles() }
        Self.expectUnknown("status", "abandoned") { _ = try opened.store.cycle(id: 0) }
    }

    @Test("unreadable findings counts of a cycle's table", arguments: StoreFactory.all)
    func findingCounts(_ factory: StoreFactory) throws {
        let opened = try factory.open()
        try Fixtures.close(opened.store, 0, CycleClose(
            cycle: Fixtures.cycle(0), tables: [CycleTableRecord(mapping: "orders", compared: 2, matched: 1, findingsByKind: ["rounding": 1])],
            findings: [], carried: []))
        #expect(try opened.store.cycleTables(cycle: 0).map(\.findingsByKind) == [["rounding": 1]])
        try factory.plant(opened, .findingCounts(#"{"rounding":1.5}"#))
        Self.expectUnknown("findings_by_kind", #"{"rounding":1.5}"#) { _ = try opened.store.cycleTables(cycle: 0) }
    }

    @Test("an unknown disposition", arguments: StoreFactory.all)
    func disposition(_ factory: StoreFactory) throws {
        let opened = try factory.open()
        try factory.plant(opened, .decisionDisposition("wont_fix"))
        Self.expectUnknown("disposition", "wont_fix") { _ = try opened.store.currentDecisions() }
        Self.expectUnknown("disposition", "wont_fix") { _ = try opened.store.decisionHistory() }
    }

    @Test("an unknown cause of an aggregate's difference", arguments: StoreFactory.all)
    func aggregateCause(_ factory: StoreFactory) throws {
        let opened = try factory.open()
        var close = CycleClose(cycle: Fixtures.cycle(0), tables: [], findings: [], carried: [])
        close.aggregates = [AggregateGroupResult(
            aggregate: "totals", period: "", group: [:], legacy: 1, new: 2, bridge: [.finding(.rounding): 1], unexplainedByKind: [:],
            withinTolerance: true)]
        try Fixtures.close(opened.store, 0, close)
        try factory.plant(opened, .aggregateCause("cosmic_ray"))
        Self.expectUnknown("bridge", "cosmic_ray") { _ = try opened.store.aggregateResults(cycle: 0) }
    }

    @Test("rounding evidence this Parity cannot read", arguments: StoreFactory.all)
    func roundingEvidence(_ factory: StoreFactory) throws {
        let opened = try factory.open()
        let close = CycleClose(cycle: Fixtures.cycle(0), tables: [], findings: [], carried: [], rounding: [
            SubjectRoundingEvidence(mapping: "orders", column: "amount", side: .legacy, evidence: .column(RoundingEvidence())),
        ])
        try Fixtures.close(opened.store, 0, close)
        try factory.plant(opened, .roundingEvidence(#"{"rows": "many"}"#))
        Self.expectUnknown("evidence", #"{"rows": "many"}"#) { _ = try opened.store.roundingEvidence(cycle: 0) }
    }

    @Test("an unknown kind of inventory item", arguments: StoreFactory.all)
    func inventoryItemKind(_ factory: StoreFactory) throws {
        let opened = try factory.open()
        var close = CycleClose(cycle: Fixtures.cycle(0), tables: [], findings: [], carried: [])
        close.inventories = [InventorySnapshot(side: .legacy, takenAt: 1, items: [], notes: [])]
        try Fixtures.close(opened.store, 0, close)
        try factory.plant(opened, .inventoryItems(#"[{"details":[],"documented":false,"kind":"stored_procedure","name":"ids"}]"#))
        Self.expectUnknown("items", "stored_procedure") { _ = try opened.store.inventory(side: .legacy, atOrBefore: 0) }
    }

    @Test("an unknown statement kind in the census", arguments: StoreFactory.all)
    func statementKind(_ factory: StoreFactory) throws {
        let opened = try factory.open()
        let identity = CensusClient.Identity(role: "erp", database: "legacy", applicationName: "erp-app", clientAddress: "10.0.0.5",
                                             backendType: "client backend")
        try opened.store.recordCensusSample(side: .legacy, sampledAt: 10, limited: false,
                                            sessions: [CensusSessions(identity: identity, statementKind: .write, count: 1)])
        try factory.plant(opened, .statementKind("vacuum"))
        Self.expectUnknown("statement_kind", "vacuum") { _ = try opened.store.census(side: .legacy, from: 0, to: 100) }
    }

    @Test("an unknown source side", arguments: StoreFactory.all)
    func sourceSide(_ factory: StoreFactory) throws {
        let opened = try factory.open()
        try Fixtures.initialize(opened.store, .legacy)
        try factory.plant(opened, .sourceSide("shadow"))
        Self.expectUnknown("side", "shadow") { _ = try opened.store.sourceRecords() }
    }
}
