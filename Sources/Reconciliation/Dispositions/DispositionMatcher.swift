import Foundation
import ParityConfig
import ParityModel

/// Finds the disposition rule that applies to a finding: the first rule, in config order, that matches it.
public struct DispositionMatcher: Sendable {
    /// The rules, in config order.
    public let rules: [DispositionRule]
    private let expressions: [NSRegularExpression?]

    /// Prepares `rules`; a rule whose pattern is not a valid regular expression never matches (`parity check` rejects it).
    public init(rules: [DispositionRule]) {
        self.rules = rules
        expressions = rules.map { rule in rule.pattern.flatMap { try? NSRegularExpression(pattern: $0) } }
    }

    /// The first rule matching `finding`, or nil.
    public func rule(for finding: Finding) -> DispositionRule? {
        ruleIndex(for: finding).map { rules[$0] }
    }

    /// How many of `findings` each rule was the first match for (rules matching nothing are absent).
    public func matchCounts(_ findings: [Finding]) -> [DispositionRule: Int] {
        findings.reduce(into: [:]) { counts, finding in
            if let index = ruleIndex(for: finding) { counts[rules[index], default: 0] += 1 }
        }
    }

    private func ruleIndex(for finding: Finding) -> Int? {
        rules.indices.first { matches(index: $0, finding) }
    }

    private func matches(index: Int, _ finding: Finding) -> Bool {
        let rule = rules[index]
        guard rule.kind == finding.kind, Self.table(rule.table, names: finding.mapping) else { return false }
        if let column = rule.column, column != finding.column, column != finding.newColumn { return false }
        guard rule.pattern != nil else { return true }
        guard let expression = expressions[index] else { return false }
        return [finding.legacy, finding.new].contains { value in
            guard let value else { return false }
            return expression.firstMatch(in: value, range: NSRange(value.startIndex..., in: value)) != nil
        }
    }

    /// Whether a rule's table names the finding's table: a mapping by name, a legacy table by its qualified name.
    static func table(_ table: DispositionTable, names mapping: String) -> Bool {
        switch table {
        case .mapping(let name): return name == mapping
        case .legacyTable(let name): return name.description == mapping || (name.schema == "public" && name.name == mapping)
        }
    }
}
