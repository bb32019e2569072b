import ParityConfig
import ParityModel
import Testing
@testable import Reconciliation

@Suite struct DispositionMatcherTests {
    private func finding(_ kind: FindingKind = .valueMismatch, column: String? = "status", newColumn: String? = "state",
                         legacy: String? = "V", new: String? = "open", mapping: String = "invoices") -> Finding {
        Finding(mapping: mapping, key: ["inv_no": "1"], column: column, newColumn: newColumn, kind: kind, legacy: legacy, new: new)
    }

    @Test func matchesTableColumnAndKind() {
        let rule = DispositionRule(table: .mapping("invoices"), column: "status", kind: .valueMismatch, disposition: .legacyBug)
        let matcher = DispositionMatcher(rules: [rule])
        #expect(matcher.rule(for: finding()) == rule)
        #expect(matcher.rule(for: finding(mapping: "payments")) == nil)
        #expect(matcher.rule(for: finding(.withinTolerance)) == nil)
        #expect(matcher.rule(for: finding(column: "total", newColumn: "total")) == nil)
    }

    @Test func columnMayNameEitherSide() {
        let rule = DispositionRule(table: .mapping("invoices"), column: "state", kind: .valueMismatch, disposition: .intentionalChange)
        #expect(DispositionMatcher(rules: [rule]).rule(for: finding()) == rule)
    }

    @Test func ruleWithoutColumnMatchesAnyColumnAndMissingRows() {
        let rule = DispositionRule(table: .mapping("invoices"), kind: .missingInNew, disposition: .match)
        let matcher = DispositionMatcher(rules: [rule])
        #expect(matcher.rule(for: finding(.missingInNew, column: nil, newColumn: nil, legacy: nil, new: nil)) == rule)
    }

    @Test func patternMustMatchTheLegacyOrTheNewValue() {
        let rule = DispositionRule(table: .mapping("invoices"), kind: .valueMismatch, pattern: "^V$", disposition: .legacyBug)
        let matcher = DispositionMatcher(rules: [rule])
        #expect(matcher.rule(for: finding(legacy: "V", new: "void")) == rule)
        #expect(matcher.rule(for: finding(legacy: "X", new: "V")) == rule)
        #expect(matcher.rule(for: finding(legacy: "VV", new: "open")) == nil)
        #expect(matcher.rule(for: finding(legacy: nil, new: nil)) == nil)
    }

    @Test func patternSearchesAnywhereInTheValue() {
        let rule = DispositionRule(table: .mapping("invoices"), kind: .valueMismatch, pattern: "[0-9]{3}", disposition: .legacyBug)
        #expect(DispositionMatcher(rules: [rule]).rule(for: finding(legacy: "ab123cd", new: "x")) == rule)
    }

    @Test func invalidPatternNeverMatches() {
        let rule = DispositionRule(table: .mapping("invoices"), kind: .valueMismatch, pattern: "(", disposition: .legacyBug)
        #expect(DispositionMatcher(rules: [rule]).rule(for: finding()) == nil)
    }

    @Test func firstMatchingRuleWins() {
        let specific = DispositionRule(table: .mapping("invoices"), column: "status", kind: .valueMismatch, pattern: "V", disposition: .legacyBug)
        let general = DispositionRule(table: .mapping("invoices"), kind: .valueMismatch, disposition: .match)
        let matcher = DispositionMatcher(rules: [specific, general])
        #expect(matcher.rule(for: finding()) == specific)
        #expect(matcher.rule(for: finding(legacy: "P", new: "open")) == general)
        #expect(matcher.matchCounts([finding(), finding(), finding(legacy: "P")]) == [specific: 2, general: 1])
    }

    @Test func legacyTableRulesMatchHiddenStateFindings() {
        let rule = DispositionRule(table: .legacyTable(QualifiedName(name: "audit_log")), kind: .unmappedWrites, disposition: .intentionalChange)
        let matcher = DispositionMatcher(rules: [rule])
        #expect(matcher.rule(for: finding(.unmappedWrites, column: nil, newColumn: nil, mapping: "public.audit_log")) == rule)
        #expect(matcher.rule(for: finding(.unmappedWrites, column: nil, newColumn: nil, mapping: "audit_log")) == rule)
        #expect(matcher.rule(for: finding(.unmappedWrites, column: nil, newColumn: nil, mapping: "ops.audit_log")) == nil)
    }
}
