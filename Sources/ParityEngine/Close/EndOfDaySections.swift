import ParityConfig
import ParityModel
import ParityStore
import Reconciliation

/// The end-of-day sections read beside the cycle: stale disposition rules and unmapped columns.
enum EndOfDaySections {
    /// Rules that matched no finding in each of the last `gate.stale_after_cycles` cycles up to cycle `id`.
    static func staleDispositions(
        _ configuration: ParityConfiguration, store: any Store, through id: Int64
    ) throws -> [EndOfDayReport.StaleDisposition] {
        let matcher = DispositionMatcher(rules: configuration.dispositions)
        let window = configuration.gate.staleAfterCycles
        let cycles = try store.cycles().filter { $0.id <= id }.suffix(window)
        let counts = try cycles.map { cycle in
            matcher.matchCounts(try store.findings(cycle: cycle.id))
        }
        return StaleRules.staleRules(configuration.dispositions, matchCountsByCycle: counts, cycles: window).map { rule in
            EndOfDayReport.StaleDisposition(
                table: name(rule.table), column: rule.column, kind: rule.kind, disposition: rule.disposition,
                owner: rule.owner, note: rule.note)
        }
    }

    /// Per mapping, the columns of one stored image per side that the mapping neither maps, keys nor ignores.
    static func unmappedColumns(_ configuration: ParityConfiguration, store: any Store) throws -> [EndOfDayReport.UnmappedColumns] {
        try configuration.tables.map { mapping in
            UnmappedColumnFinder.unmapped(
                mapping, legacyColumns: try store.storedColumns(side: .legacy, mapping: mapping.name),
                newColumns: try store.storedColumns(side: .new, mapping: mapping.name))
        }
    }

    private static func name(_ table: DispositionTable) -> String {
        switch table {
        case .mapping(let name): return name
        case .legacyTable(let name): return name.description
        }
    }

    /// The aggregate groups cycle `id` recorded, group columns in `group_by` order.
    static func aggregates(_ configuration: ParityConfiguration, store: any Store, cycle id: Int64) throws -> [EndOfDayReport.AggregateLine] {
        try store.aggregateResults(cycle: id).map { result in
            let groupBy = configuration.aggregates.first { $0.name == result.aggregate }?.groupBy ?? result.group.keys.sorted()
            return EndOfDayReport.AggregateLine(result: result, groupColumns: groupBy)
        }
    }

    /// The rounding mode each side's columns and totals behaved as in cycle `id`'s rows, by table, column as the report
    /// names it (a total as `total: …`) and side, in byte order.
    static func rounding(store: any Store, cycle id: Int64) throws -> [EndOfDayReport.RoundingLine] {
        let lines = try store.roundingEvidence(cycle: id).map { stored in
            switch stored.evidence {
            case .total(let evidence):
                let verdict = evidence.verdict
                return EndOfDayReport.RoundingLine(
                    table: stored.mapping, column: TotalRoundingSubject.label(stored.column), side: stored.side,
                    mode: verdict.rounding.rawValue, evidence: verdict.evidence)
            case .column(let evidence):
                let inference = evidence.inference()
                return EndOfDayReport.RoundingLine(
                    table: stored.mapping, column: stored.column, side: stored.side, mode: inference.label, evidence: inference.evidence)
            }
        }
        return lines.sorted { a, b in
            [a.table, a.column, a.side.rawValue].lexicographicallyPrecedes([b.table, b.column, b.side.rawValue]) { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        }
    }

    /// Per mapping with a cutover scope in cycle `id`, its share then and in up to `history` cycles before, oldest first.
    static func scopes(store: any Store, cycle id: Int64, history: Int = 30) throws -> [String: EndOfDayReport.ScopeLine] {
        let labels = Dictionary(uniqueKeysWithValues: try store.cycles().map { ($0.id, $0.label) })
        let shares = Dictionary(grouping: try store.scopeShares(through: id), by: \.mapping)
        return shares.compactMapValues { recorded in
            guard let share = recorded.last, share.cycle == id else { return nil }
            return EndOfDayReport.ScopeLine(
                definition: share.definition, rows: share.rows, inScope: share.inScope, outOfScope: share.outOfScope,
                listedKeys: share.listedKeys, comparedAll: share.comparedAll,
                history: recorded.suffix(history + 1).map {
                    .init(cycle: $0.cycle, label: labels[$0.cycle] ?? "", inScope: $0.inScope, rows: $0.rows)
                })
        }
    }

    /// The cycle's co-write analysis and inventory changes.
    static func hiddenState(_ report: inout EndOfDayReport, store: any Store, cycle id: Int64) throws {
        report.hiddenState = HiddenStateLine.ranked(try store.hiddenState(cycle: id))
        report.inventoryChanges = InventoryChange.ranked(try store.inventoryChanges(cycle: id))
        report.inventoryTaken = try store.inventory(side: .legacy, atOrBefore: id)?.cycle == id
    }
}
