import ParityModel
import ParityStore
import Testing

/// What the gate relies on: its evaluations, verifications, the decisions' audit trail and contract exports read back as
/// written, in order.
@Suite("Store contract: gate records")
struct GateRecordContractTests {
    @Test("gate evaluations round-trip, oldest first, the last ones when limited", arguments: StoreFactory.all)
    func gateEvaluations(_ factory: StoreFactory) throws {
        let opened = try factory.open()
        let store = opened.store
        #expect(try store.gateEvaluations().isEmpty)
        var recorded: [GateEvaluationRecord] = []
        for (index, result) in ["fail", "pass", "not_evaluated"].enumerated() {
            var record = GateEvaluationRecord(
                evaluatedAt: Int64(1_000 + index), evaluatedBy: "ann@host", asOf: index == 0 ? nil : Int64(index), firstCycle: 0,
                lastCycle: Int64(index), cycles: index + 1, result: result, exitCode: Int32(index), configFile: "parity.yaml",
                configHash: "sha256:\(index)", report: #"{"schema":"parity.gate/1"}"#)
            record.id = try store.recordGateEvaluation(record)
            recorded.append(record)
        }
        #expect(try store.gateEvaluations() == recorded)
        #expect(try store.gateEvaluations(limit: 2) == Array(recorded.suffix(2)))
    }

    @Test("decisions: the audit trail links each category's rows; the current decision is its latest set", arguments: StoreFactory.all)
    func decisions(_ factory: StoreFactory) throws {
        let opened = try factory.open()
        let store = opened.store
        try Fixtures.close(store, 0)
        let set = try store.recordDecision(DecisionRecord(
            table: "orders", column: "amount", kind: .rounding, action: "set", disposition: .intentionalChange, owner: "finance",
            note: "policy FIN-12", expires: Fixtures.later, ticket: "FIN-12", decidedBy: "ann", decidedAt: 10))
        #expect(set.id > 0 && set.previous == nil && set.afterCycle == 0)
        let missing = try store.recordDecision(DecisionRecord(
            table: "orders", column: nil, kind: .missingInNew, action: "set", disposition: .match, decidedBy: "bob", decidedAt: 11))
        let cleared = try store.recordDecision(DecisionRecord(
            table: "orders", column: "amount", kind: .rounding, action: "clear", decidedBy: "ann", decidedAt: 12))
        #expect(cleared.previous == set.id)

        #expect(try store.decisionHistory() == [set, missing, cleared])
        #expect(try store.decisionHistory(table: "orders", column: "amount", kind: .rounding) == [set, cleared])
        #expect(try store.decisionHistory(table: "orders", column: nil, kind: .missingInNew) == [missing])
        #expect(try store.currentDecisions() == [missing], "a cleared category has no current decision")
        #expect(try store.currentDecisions().first?.disposition == .match)
    }

    @Test("verifications and contract exports: the latest of each round-trips", arguments: StoreFactory.all)
    func verificationsAndExports(_ factory: StoreFactory) throws {
        let opened = try factory.open()
        let store = opened.store
        #expect(try store.lastVerification(mode: .sources) == nil)
        var sources = VerificationRecord(mode: .sources, checkedAt: 5, passed: false, problems: 2, sources: [.legacy, .new], report: "{}")
        sources.id = try store.recordVerification(sources)
        var state = VerificationRecord(mode: .state, checkedAt: 6, passed: true, problems: 0, sources: [], report: "{}")
        state.id = try store.recordVerification(state)
        #expect(try store.lastVerification(mode: .sources) == sources)
        #expect(try store.lastVerification(mode: .state) == state)

        #expect(try store.lastContractExport() == nil)
        var export = ContractExportRecord(
            exportedAt: 2_000, exportedBy: "ann@host", asOfCycle: nil, directory: "/tmp/contracts", format: "json",
            contractIDs: ["rounding.orders.amount", "decisions"], vectors: 12, decisionsFingerprint: "fnv1a64:bb")
        export.id = try store.recordContractExport(export)
        #expect(try store.lastContractExport() == export)
    }
}
