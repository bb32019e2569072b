import ParityConfig

/// Every decision in force: the disposition rules, the column and aggregate tolerances and the documented legacy
/// objects, each as an expectation, with one fingerprint that changes whenever any decision does.
///
/// This is the one place decisions are gathered: a contracts export records the fingerprint, and the gate
/// (`gate.require_contracts_export`) compares it with the current one. Decisions recorded elsewhere later (a
/// `parity disposition` command) join here, so the fingerprint covers them too.
public struct Decisions: Sendable, Equatable {
    /// Every decision, in config order: dispositions, then tolerances, then documented objects.
    public var expectations: [DecisionExpectation]

    /// The decisions `configuration` holds.
    public init(configuration: ParityConfiguration) {
        expectations = configuration.dispositions.map(Self.expectation(rule:))
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
        let expected = switch rule.disposition {
        case .match: "the new system must match legacy: \(subject) are defects to fix"
        case .intentionalChange: "the new system differs on purpose: \(subject) are expected"
        case .legacyBug: "legacy's behaviour is a bug the new system fixes: \(subject) are expected"
        }
        return DecisionExpectation(
            kind: .disposition, appliesTo: applies, decision: rule.disposition.rawValue, owner: rule.owner, note: rule.note, expectation: expected)
    }

    private static func expectation(mapping: TableMapping, column: ColumnMapping, tolerance: ColumnTolerance) -> DecisionExpectation {
        let amount = switch tolerance {
        case .amount(let text): text
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
