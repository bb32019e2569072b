import ParityConfig
import ParityModel
import Testing
@testable import Reconciliation

@Suite struct UnexplainedRateTests {
    private func finding(_ kind: FindingKind, column: String) -> Finding {
        Finding(mapping: "invoices", key: ["inv_no": "1"], column: column, kind: kind, legacy: "a", new: "b")
    }

    private let matcher = DispositionMatcher(rules: [
        DispositionRule(table: .mapping("invoices"), column: "status", kind: .valueMismatch, disposition: .legacyBug),
        DispositionRule(table: .mapping("invoices"), column: "total", kind: .valueMismatch, disposition: .match),
    ])

    @Test func countsFindingsWithoutDispositionOrWithMatch() {
        let findings = [
            finding(.valueMismatch, column: "status"),
            finding(.valueMismatch, column: "total"),
            finding(.valueMismatch, column: "notes"),
            finding(.withinTolerance, column: "total"),
        ]
        #expect(findings.map { UnexplainedRate.isUnexplained($0, matcher: matcher) } == [false, true, true, false])
        #expect(UnexplainedRate.rate(findings: findings, matcher: matcher, keysCompared: 3) == "0.666667")
    }

    @Test func sixPlacesRoundedHalfEven() {
        #expect(UnexplainedRate.rate(unexplained: 1, keysCompared: 2_000_000) == "0.000000")
        #expect(UnexplainedRate.rate(unexplained: 3, keysCompared: 2_000_000) == "0.000002")
        #expect(UnexplainedRate.rate(unexplained: 5, keysCompared: 8_000_000) == "0.000001")
        #expect(UnexplainedRate.rate(unexplained: 1, keysCompared: 4) == "0.250000")
        #expect(UnexplainedRate.rate(unexplained: 0, keysCompared: 10) == "0.000000")
        #expect(UnexplainedRate.rate(unexplained: 3, keysCompared: 2) == "1.500000")
    }

    @Test func zeroWhenNothingCompared() {
        #expect(UnexplainedRate.rate(unexplained: 0, keysCompared: 0) == "0.000000")
        #expect(UnexplainedRate.rate(findings: [], matcher: matcher, keysCompared: 0) == "0.000000")
    }
}
