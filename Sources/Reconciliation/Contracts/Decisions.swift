import ParityConfig
import ParityModel

/// Every decision in force: the disposition rules, the column and aggregate tolerances and the documented legacy
/// objects, each as an expectation, with one fingerprint that changes whenever any decision does.
///
/// This is the one place decisions are gathered: a contracts export records the fingerprint, and the gate
/// (`gate.require_contracts_export`) compares it with the current one. The decisions recorded with `parity disposition
/// set` join the config's, so setting, changing or clearing one changes the fingerprint too.
public struct Decisions: Sendable, Equatable {
    /// Every decision, in config order: dispositions, then tolerances, then documented objects.
    public var expectations: [DecisionExpectation]

    /// The decisions `configuration` holds, and `stored`: each category's current decision recorded in the store.
    public init(configuration: ParityConfiguration, stored: [DispositionDecision] = []) {
        expectations = configuration.dispositions.map(Self.expectation(rule:))
            + stored.map(Self.expectation(decision:))
            + configuration.tables.flatMap { mapping in
                mapping.columns.compactMap { column in column.tolerance.map { Self.expectation(mapping: mapping, column: column, tolerance: $0) } }
            }
            + configuration.aggregates.map(Self.expectation(aggregate:))
            + configuration.hiddenState.documented.map(Self.expectation(documented:))
    }

    /// `fnv1a64:` and the FNV-1a 64 hash of every decision's canonical line, in order.
    public var fingerprint: String {
        "fnv1a64:" + StableHash.fnv1a64(expectations.map(\.canonicalLine).joined(separator: "\n"))
    }

    private static func expectation(rule: DispositionRule) -> DecisionExpectation {
        var applies = ["finding_kind": rule.kind.rawValue]
        switch rule.table {
        case .mapping(let name): applies["table"] = name
        case .legacyTable(let name): applies["legacy_table"] = name.description
        }
        if let column = rule.column { applies["column"] = column }
        if let pattern = rule.pattern { applies["pattern"] = pattern }
        let subject = "\(rule.kind.rawValue) findings on \(applies["table"] ?? applies["legacy_table"] ?? "")\(rule.column.map { ".\($0)" } ?? "")"
        let expected = expectation(rule.disposition, subject: subject)
        return DecisionExpectation(
            kind: .disposition, appliesTo: applies, decision: rule.disposition.rawValue, owner: rule.owner, note: rule.note, expectation: expected)
    }

    /// What a disposition expects of the new system, in a sentence.
    private static func expectation(_ disposition: Disposition, subject: String) -> String {
        switch disposition {
        case .match: "the new system must match legacy: \(subject) are defects to fix"
        case .intentionalChange: "the new system differs on purpose: \(subject) are expected"
        case .legacyBug: "legacy's behaviour is a bug the new system fixes: \(subject) are expected"
        }
    }

    private static func expectation(decision: DispositionDecision) -> DecisionExpectation {
        var applies = ["finding_kind": decision.category.kind.rawValue, "table": decision.category.table, "decided_by": decision.decidedBy]
        if let column = decision.category.column { applies["column"] = column }
        if let expires = decision.expires { applies["expires"] = expires }
        if let ticket = decision.ticket { applies["ticket"] = ticket }
        let subject = "\(decision.category.kind.rawValue) findings on \(decision.category.table)\(decision.category.column.map { ".\($0)" } ?? "")"
        let expected = expectation(decision.disposition, subject: subject)
        return DecisionExpectation(
            kind: .disposition, appliesTo: applies, decision: decision.disposition.rawValue, owner: decision.owner, note: decision.note,
            expectation: expected + (decision.expires.map { " (until \($0))" } ?? ""))
    }

    private static func expectation(mapping: TableMapping, column: ColumnMapping, tolerance: ColumnTolerance) -> DecisionExpectation {
        let amount = switch tolerance {
        case .amount(let text): text
        case .percent(let text): "\(text)%"
        case .duration(let duration): "\(duration.components.seconds)s"
        }
        return DecisionExpectation(
            kind: .tolerance, appliesTo: ["table": mapping.name, "column": column.legacy, "new_column": column.new], decision: amount,
            expectation: "\(mapping.name).\(column.legacy): the new value may differ from legacy by at most \(amount)")
    }

    private static func expectation(aggregate: AggregateConfiguration) -> DecisionExpectation {
        DecisionExpectation(
            kind: .tolerance, appliesTo: ["aggregate": aggregate.name], decision: aggregate.tolerance,
            expectation: "aggregate \(aggregate.name): each group's new total may differ from legacy by at most \(aggregate.tolerance)")
    }

    private static func expectation(documented: DocumentedObject) -> DecisionExpectation {
        var applies = ["object_kind": documented.kind.rawValue, "object": documented.name]
        if let table = documented.table { applies["table"] = table.description }
        let place = documented.where.map { " (\($0))" } ?? ""
        return DecisionExpectation(
            kind: .documentedObject, appliesTo: applies, decision: documented.disposition.rawValue, note: documented.note,
            expectation: "legacy \(documented.kind.rawValue) \(documented.name) is \(documented.disposition.rawValue) in the new system\(place)")
    }
}
