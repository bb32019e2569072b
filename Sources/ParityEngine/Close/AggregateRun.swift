import ExactNumeric
import ParityConfig
import ParityModel
import ParityStore
import Reconciliation

/// Computes a cycle's configured aggregates from the row state as of its end: every row of each
/// aggregate's mapping on both sides, paired by canonical key as the rows stream (memory stays flat).
///
/// Balances are recorded every cycle; of flows only the business days whose value the cycle changed
/// (a day and group that no longer has rows is recorded as empty).
struct AggregateRun {
    let configuration: ParityConfiguration
    let matcher: DispositionMatcher
    /// Per aggregate with a `legacy_summary`, the summary table's rows read at this close (absent: not compared).
    let summaries: [String: [LegacySummaryRow]]
    /// The mappings the cycle compares: an aggregate over another (not initialized, or copied after the cycle) is not computed.
    let mappings: Set<String>
    /// Per mapping with a cutover scope, the keys in it: an aggregate adds only those.
    var scopes: [String: ScopePredicate] = [:]
    /// Mappings a shared close compared by part: their aggregates add up the tasks' `partials` instead of reading rows.
    var split: Set<String> = []
    /// Per aggregate, the totals each close task reached over its parts.
    var partials: [String: [AggregateComputer.Partial]] = [:]

    func run(_ reader: CycleStateReader) throws -> [AggregateGroupResult] {
        let computed = try compute(reader)
        var previous = Dictionary(
            try reader.previousFlowResults().map { ($0.identity, $0) }, uniquingKeysWith: { first, _ in first })
        var recorded: [AggregateGroupResult] = []
        for result in computed {
            if result.period.isEmpty {
                recorded.append(result)
                continue
            }
            let old = previous.removeValue(forKey: result.identity)
            if old.map({ !$0.sameDigits(as: result) }) ?? true { recorded.append(result) }
        }
        for old in previous.values where !old.isEmpty {
            let additive = configuration.aggregates.first { $0.name == old.aggregate }.map { $0.measure.isAdditive } ?? true
            recorded.append(AggregateGroupResult(
                aggregate: old.aggregate, period: old.period, group: old.group, legacy: additive ? .zero : nil,
                new: additive ? .zero : nil, bridge: [:], unexplainedByKind: [:], withinTolerance: true))
        }
        return recorded.sorted { $0.identity < $1.identity }
    }

    /// The totals of the aggregates over `mapping` from the rows `reader` sees (a close task's parts), by aggregate name.
    func partials(_ reader: CycleStateReader, mapping: TableMapping) throws -> [String: AggregateComputer.Partial] {
        var computers = computers(of: mapping)
        try add(reader, mapping: mapping, to: &computers)
        return Dictionary(uniqueKeysWithValues: computers.map { ($0.aggregate.name, $0.partial) })
    }

    private func computers(of mapping: TableMapping) -> [AggregateComputer] {
        configuration.aggregates.filter { $0.table == mapping.name }.compactMap {
            AggregateComputer(aggregate: $0, mapping: mapping, matcher: matcher, timezone: configuration.cycle.timezone)
        }
    }

    /// Adds every row of `mapping` (in its cutover scope, if any) to `computers`, both sides paired by key.
    private func add(_ reader: CycleStateReader, mapping: TableMapping, to computers: inout [AggregateComputer]) throws {
        guard !computers.isEmpty else { return }
        var pairs = try PairedRows(reader, mapping: mapping, changedOnly: false)
        let scope = scopes[mapping.name]
        while let pair = try pairs.next() {
            let legacy = try pair.legacy?.image
            let new = try pair.new?.image
            if let scope, !scope.contains(legacy: legacy, new: new) { continue }
            for index in computers.indices { computers[index].add(legacy: legacy, new: new) }
        }
    }

    private func compute(_ reader: CycleStateReader) throws -> [AggregateGroupResult] {
        var results: [AggregateGroupResult] = []
        for mapping in configuration.tables where mappings.contains(mapping.name) {
            var computers = computers(of: mapping)
            guard !computers.isEmpty else { continue }
            if split.contains(mapping.name) {
                for index in computers.indices {
                    for partial in partials[computers[index].aggregate.name] ?? [] { computers[index].add(partial) }
                }
            } else {
                try add(reader, mapping: mapping, to: &computers)
            }
            for var computer in computers {
                if computer.aggregate.legacySummary != nil {
                    guard let rows = summaries[computer.aggregate.name] else { continue }
                    computer.compare(withSummary: rows)
                }
                results += computer.results()
            }
        }
        return results
    }
}
