import ParityConfig

/// One contract the evidence can support, before its vectors are read: what `parity contracts export` writes a file
/// for, and what the end-of-day report and the gate count as known.
public enum ContractSubject: Sendable, Equatable {
    /// A decimal column with a source expression.
    case rounding(mapping: TableMapping, column: ColumnMapping)
    /// A header mapping with `line_items`, its lines mapping, amount and total columns.
    case totals(header: TableMapping, lines: TableMapping, amount: ColumnMapping, total: ColumnMapping)
    /// A column with a value map.
    case valueMap(mapping: TableMapping, column: ColumnMapping)
    /// A legacy BEFORE trigger assigning columns, and the mapping of its table when there is one.
    case beforeTrigger(BeforeTrigger, mapping: TableMapping?)
    /// A trigger-maintained legacy table.
    case maintainedTable(MaintainedTable)
    /// The decisions in force.
    case decisions(Decisions)

    /// The kind of contract.
    public var kind: ContractKind {
        switch self {
        case .rounding: .rounding
        case .totals: .totals
        case .valueMap: .valueMap
        case .beforeTrigger: .beforeTrigger
        case .maintainedTable: .maintainedTable
        case .decisions: .decisions
        }
    }

    /// The contract's id and file name stem (`rounding.orders.amount`), unique within an export.
    public var id: String {
        let parts: [String] = switch self {
        case .rounding(let mapping, let column), .valueMap(let mapping, let column): [mapping.name, column.legacy]
        case .totals(let header, _, _, let total): [header.name, total.legacy]
        case .beforeTrigger(let trigger, _): [trigger.table, trigger.name]
        case .maintainedTable(let table): [table.table, table.trigger]
        case .decisions: []
        }
        return ([kind.rawValue] + parts).map(Self.safe).joined(separator: ".")
    }

    /// Every contract the configuration, the legacy BEFORE triggers, the trigger-maintained tables and the decisions in
    /// force support, in export order: by kind, then as configured or found.
    public static func all(
        _ configuration: ParityConfiguration, beforeTriggers: [BeforeTrigger], maintained: [MaintainedTable], decisions: Decisions
    ) -> [ContractSubject] {
        let rounding = configuration.tables.flatMap { mapping in
            mapping.columns.filter { $0.type == .decimal && $0.source != nil }.map { ContractSubject.rounding(mapping: mapping, column: $0) }
        }
        let totals = configuration.tables.compactMap { header -> ContractSubject? in
            guard let items = header.lineItems, let lines = configuration.table(named: items.mapping),
                  let amount = lines.column(legacy: items.amount), let total = header.column(legacy: items.total) else { return nil }
            return .totals(header: header, lines: lines, amount: amount, total: total)
        }
        let maps = configuration.tables.flatMap { mapping in
            mapping.columns.filter { !$0.map.isEmpty }.map { ContractSubject.valueMap(mapping: mapping, column: $0) }
        }
        let triggers = beforeTriggers.map { trigger in
            ContractSubject.beforeTrigger(trigger, mapping: configuration.tables.first { "\($0.legacy.schema).\($0.legacy.name)" == trigger.table })
        }
        return rounding + totals + maps + triggers + maintained.map(ContractSubject.maintainedTable) + [.decisions(decisions)]
    }

    /// A name part safe in a file name on every system: letters, digits, `_` and `-` kept, anything else `_`.
    private static func safe(_ part: String) -> String {
        String(part.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") ? $0 : "_" })
    }
}
