import ParityConfig
import Testing
@testable import Reconciliation

@Suite struct StaleRulesTests {
    private let used = DispositionRule(table: .mapping("invoices"), kind: .valueMismatch, disposition: .legacyBug)
    private let unused = DispositionRule(table: .mapping("invoices"), kind: .missingInNew, disposition: .match)

    @Test func ruleMatchingNothingForTheLastNCyclesIsStale() {
        let history: [[DispositionRule: Int]] = [[unused: 4], [used: 1], [:], [used: 2]]
        #expect(StaleRules.staleRules([used, unused], matchCountsByCycle: history, cycles: 3) == [unused])
        #expect(StaleRules.staleRules([used, unused], matchCountsByCycle: history, cycles: 4).isEmpty)
    }

    @Test func nothingIsStaleWithoutEnoughHistory() {
        #expect(StaleRules.staleRules([unused], matchCountsByCycle: [[:], [:]], cycles: 3).isEmpty)
        #expect(StaleRules.staleRules([unused], matchCountsByCycle: [[:]], cycles: 0).isEmpty)
    }

    @Test func zeroCountsCountAsNoMatch() {
        #expect(StaleRules.staleRules([used], matchCountsByCycle: [[used: 0], [used: 0]], cycles: 2) == [used])
    }
}
