import ParityConfig
import ParityModel

/// A table the config names for reading only, not for capture: a mapping's scope key table or an aggregate's legacy
/// summary table. A close reads it from its source, so `parity check` looks for it, its columns and the role's SELECT.
public struct ReferenceTable: Sendable, Hashable {
    /// The check's name in the report: `scope_table` or `summary_table`.
    public var check: String
    /// The source it is read from.
    public var side: SourceSide
    /// The table (or view).
    public var table: QualifiedName
    /// The columns a close reads from it.
    public var columns: [String]
    /// What it is for, as the report says it (`the scope of mapping orders`).
    public var role: String
    /// The config path naming it (`tables[0].scope`).
    public var configPath: String

    /// Every reference table of `configuration`: the scope key tables, in mapping order, then the summary tables.
    public static func all(in configuration: ParityConfiguration) -> [ReferenceTable] {
        let scopes = configuration.tables.enumerated().compactMap { index, mapping -> ReferenceTable? in
            guard case .keyTable(let scope) = mapping.scope else { return nil }
            return ReferenceTable(
                check: "scope_table", side: scope.source, table: scope.table, columns: [scope.column],
                role: "the scope of mapping \(mapping.name)", configPath: "tables[\(index)].scope")
        }
        let summaries = configuration.aggregates.enumerated().compactMap { index, aggregate -> ReferenceTable? in
            guard let summary = aggregate.legacySummary else { return nil }
            return ReferenceTable(
                check: "summary_table", side: .legacy, table: summary.table,
                columns: summary.groupBy + [summary.date, summary.value].compactMap { $0 },
                role: "the legacy totals of aggregate \(aggregate.name)", configPath: "aggregates[\(index)].legacy_summary")
        }
        return scopes + summaries
    }
}

extension Preflight {
    /// Each reference table (``ReferenceTable``) on a reachable source: it must exist with the columns a close reads and
    /// be readable by the role, or the close stops (a scope) or closes its aggregate without the legacy totals (a summary).
    public static func referenceChecks(_ configuration: ParityConfiguration, legacy: SourceFacts?, new: SourceFacts?) -> [CheckResult] {
        ReferenceTable.all(in: configuration).compactMap { reference in
            guard let facts = reference.side == .legacy ? legacy : new else { return nil }
            return referenceCheck(reference, facts: facts)
        }
    }

    private static func referenceCheck(_ reference: ReferenceTable, facts: SourceFacts) -> CheckResult {
        let subject = reference.table.description
        let source = "the \(reference.side.rawValue) source"
        guard let table = facts.tables[reference.table] else {
            return .fail(
                reference.check, subject, "\(subject), \(reference.role), does not exist on \(source)",
                fix: "create it on \(source), or correct \(reference.configPath).table in the config", blocks: .configuration)
        }
        let missing = reference.columns.filter { table.column($0) == nil }
        if !missing.isEmpty {
            return .fail(
                reference.check, subject, "\(subject), \(reference.role), has no column \(missing.joined(separator: ", "))",
                fix: "correct the column names under \(reference.configPath) in the config", blocks: .configuration)
        }
        guard table.canSelect else {
            return .fail(
                reference.check, subject, "role \(facts.role) may not SELECT from \(subject), \(reference.role)",
                fix: "GRANT SELECT ON \(subject) TO \(facts.role);", blocks: .replication)
        }
        return .pass(
            reference.check, subject, "\(subject) on \(source) is readable for \(reference.role)", blocks: .configuration)
    }
}
