import ExactNumeric
import ParityConfig
import ParityModel
import ParityStore
import Reconciliation
import SourceQueries

/// Everything one cycle's close compares and records, read from the state as of its end: row findings per
/// mapping (with rounding evidence and trigger attribution), the hidden-state audit, aggregates and total rounding.
///
/// A close shared by workers (``PartitionedClose``) runs in two steps: each task compares the mappings split by part over
/// its parts (``part(_:)``), and the coordinator records the cycle from the tasks' results (``run(_:parts:)``).
final class CycleComparison {
    /// The cycle recorded: the plan's, when a close is shared.
    var record: CycleRecord
    /// The cycle's window; nil for the baseline. A shared close's is the plan's, as its tasks see it.
    var window: CycleWindow?
    let configuration: ParityConfiguration
    let matcher: DispositionMatcher
    /// The stored decisions in force (`DispositionBook.fingerprint`): with the config, the rules the ledger was judged under.
    let decisions: String
    let hiddenState: HiddenStateRun
    let summaries: [String: [LegacySummaryRow]]
    /// Per mapping scoped by a key table, the keys it listed at this close: a shared close's are the plan's, as its
    /// tasks see them.
    var scopeKeys: [String: Set<ExactText>]
    /// Findings reported, once `run` has run.
    private(set) var reported = 0
    /// Configured mappings the cycle did not compare, and why, once `run` has run.
    private(set) var notCompared: [(mapping: String, scope: MappingScope)] = []
    /// Receives each mapping's keys compared while `run` runs.
    var progress: WorkProgress.Sink = { _ in }

    init(
        record: CycleRecord, window: CycleWindow?, configuration: ParityConfiguration, matcher: DispositionMatcher, decisions: String,
        hiddenState: HiddenStateRun, summaries: [String: [LegacySummaryRow]], scopeKeys: [String: Set<ExactText>] = [:]
    ) {
        self.record = record
        self.window = window
        self.configuration = configuration
        self.matcher = matcher
        self.decisions = decisions
        self.hiddenState = hiddenState
        self.summaries = summaries
        self.scopeKeys = scopeKeys
    }

    /// The rules the ledger is judged under: the config's digest, and the stored decisions in force.
    var rules: String {
        configuration.digest + (decisions.isEmpty ? "" : " decisions:" + decisions)
    }

    /// Whether `mapping` is compared by part in a shared close: its keys' rows on both sides share a part (the store
    /// places them by the canonical key under the mapping's key normalizers, ``CycleStateReader/keyPlacements()``). Its
    /// cutover scope is the same in every task: a filter is the config's, and a scope table's keys are those the plan
    /// holds (``ClosePlan/scopeKeys``). The coordinator compares the others whole.
    static func splitsByPart(_ mapping: TableMapping, _ reader: CycleStateReader) throws -> Bool {
        isPlacedByItsNormalizers(mapping, placements: try reader.keyPlacements())
    }

    /// Whether the store places `mapping`'s keys by the config's key normalizers (`placements`: the normalizers it
    /// recorded for each mapping; none recorded, it places them by the row key).
    static func isPlacedByItsNormalizers(_ mapping: TableMapping, placements: [String: [KeyNormalizer]]) -> Bool {
        placements[mapping.name] ?? [] == mapping.key.normalize
    }

    /// What one close task finds over its parts (`reader` sees only them): the comparisons of the mappings split by
    /// part that the cycle compares, and their aggregates' totals.
    func part(_ reader: CycleStateReader) throws -> PartComparison {
        var rounding = RoundingObservations()
        var mappings: [PartComparison.Mapping] = []
        var aggregates: [String: AggregateComputer.Partial] = [:]
        let revisit = try reader.ledgerRules() != rules || reader.rebuildsLedger()
        let sources = try reader.mappingSources()
        let baselines = try reader.mappingBaselines()
        for mapping in configuration.tables where try Self.splitsByPart(mapping, reader) {
            let scope = MappingScope.of(mapping.name, cycle: record, sources: sources, baselines: baselines)
            guard scope == .changed || scope == .everyRow else { continue }
            let cutover = try CutoverScopeRun.prepare(
                mapping, keys: scopeKeys[mapping.name], previous: reader.previousScope(mapping: mapping.name))
            let comparison = MappingComparison(
                mapping: mapping, window: window, everyRow: scope == .everyRow || cutover?.comparesAll == true, label: record.label,
                grace: configuration.cycle.grace, revisitUnchanged: revisit, scope: cutover?.predicate)
            let result = try comparison.run(reader, rounding: &rounding)
            mappings.append(PartComparison.Mapping(
                name: mapping.name, statistics: result.statistics, findings: result.findings, carried: result.carried.map(\.canonicalKey),
                verdicts: result.verdicts.map { PartComparison.Verdict(canonical: $0.canonical, findings: $0.findings) },
                scope: try cutover?.count(reader, outOfScope: result.outOfScope)))
            let totals = AggregateRun(
                configuration: configuration, matcher: matcher, summaries: [:], mappings: [mapping.name],
                scopes: cutover?.predicate.map { [mapping.name: $0] } ?? [:])
            aggregates.merge(try totals.partials(reader, mapping: mapping)) { first, _ in first }
        }
        return PartComparison(mappings: mappings, rounding: rounding, aggregates: aggregates)
    }

    /// What the close records, inside its store transaction. With `parts`, the close tasks' results: the mappings split
    /// by part are merged from them, not compared again; the others are compared here, whole.
    func run(_ reader: CycleStateReader, parts: [PartComparison]? = nil) throws -> CycleClose {
        var tables: [CycleTableRecord] = []
        var statistics: [MappingStatistics] = []
        var findings: [Finding] = []
        var carried: [CarriedKey] = []
        var verdicts: [(mapping: String, canonical: CanonicalKey, findings: [Finding])] = []
        var rounding = parts.map(PartComparison.rounding) ?? RoundingObservations()
        // An open difference neither side changed can only compare otherwise under other rules: it is compared again
        // when the config or the stored decisions in force changed since the last close (and while the ledger is rebuilt).
        let rules = rules
        let revisit = try reader.ledgerRules() != rules || reader.rebuildsLedger()
        let sources = try reader.mappingSources()
        let baselines = try reader.mappingBaselines()
        var compared: Set<String> = []
        var firstCompared: [String] = []
        var scopes: [ScopeShare] = []
        var predicates: [String: ScopePredicate] = [:]
        var changedKeys: [String: Set<ExactText>] = [:]
        var split: Set<String> = []
        for mapping in configuration.tables {
            let scope = MappingScope.of(mapping.name, cycle: record, sources: sources, baselines: baselines)
            guard scope == .changed || scope == .everyRow else {
                notCompared.append((mapping.name, scope))
                continue
            }
            compared.insert(mapping.name)
            if scope == .everyRow { firstCompared.append(mapping.name) }
            let cutover = try CutoverScopeRun.prepare(
                mapping, keys: scopeKeys[mapping.name], previous: reader.previousScope(mapping: mapping.name))
            predicates[mapping.name] = cutover?.predicate
            if let cutover, cutover.changed { changedKeys[mapping.name] = cutover.listed ?? [] }
            if let parts, try Self.splitsByPart(mapping, reader) {
                split.insert(mapping.name)
                let result = PartComparison.merge(parts, mapping: mapping)
                if let cutover {
                    scopes.append(cutover.share(cycle: record.id, count: PartComparison.scopeCount(parts, mapping: mapping.name) ?? .init()))
                }
                tables.append(result.table)
                statistics.append(result.statistics)
                findings += result.findings
                carried += result.carried
                verdicts += result.verdicts.map { (mapping.name, $0.canonical, $0.findings) }
                continue
            }
            let comparison = MappingComparison(
                mapping: mapping, window: window, everyRow: scope == .everyRow || cutover?.comparesAll == true, label: record.label,
                grace: configuration.cycle.grace, revisitUnchanged: revisit, scope: cutover?.predicate)
            let result = try comparison.run(reader, rounding: &rounding, progress: progress)
            if let cutover { scopes.append(cutover.share(cycle: record.id, count: try cutover.count(reader, outOfScope: result.outOfScope))) }
            tables.append(result.table)
            statistics.append(result.statistics)
            findings += result.findings
            carried += result.carried
            verdicts += result.verdicts.map { (mapping.name, $0.canonical, $0.findings) }
        }
        var cycle = record
        cycle.keysCompared = tables.reduce(0) { $0 + $1.compared }
        cycle.unexplainedRate = UnexplainedRate.rate(findings: findings, matcher: matcher, keysCompared: cycle.keysCompared)
        let hidden = try hiddenState.run(reader, window: window, label: record.label)
        let attribute = { (finding: Finding) in
            self.stored(finding, attributedTo: self.configuration.tables.first { $0.name == finding.mapping }.flatMap {
                hidden.analysis.attribution(
                    table: HiddenStateRun.name($0.legacy), column: finding.column, changes: finding.legacyChanges)?.label
            })
        }
        let attributed = findings.map(attribute)
        reported = findings.count + hidden.findings.count
        let aggregates = try AggregateRun(
            configuration: configuration, matcher: matcher, summaries: summaries, mappings: compared, scopes: predicates, split: split,
            partials: parts.map(PartComparison.aggregates) ?? [:]
        ).run(reader)
        let modes = rounding.evidence.compactMapValues { evidence -> RoundingMode? in
            if case .mode(let mode, _) = evidence.inference() { return mode }
            return nil
        }
        let totals = try TotalRoundingRun(configuration: configuration, modes: modes).run(reader)
        var close = CycleClose(
            cycle: cycle, tables: tables, findings: attributed + hidden.findings.map { stored($0, attributedTo: nil) },
            carried: carried, aggregates: aggregates,
            rounding: rounding.evidence.sorted { $0.key < $1.key }.map {
                SubjectRoundingEvidence(mapping: $0.key.mapping, column: $0.key.column, side: $0.key.side, evidence: .column($0.value))
            } + totals)
        close.inventories = hidden.inventories
        close.inventoryChanges = hidden.changes
        close.hiddenState = hidden.lines
        close.ledgerRules = rules
        close.baselines = firstCompared
        close.statistics = statistics
        close.scopes = scopes
        close.scopeKeys = changedKeys
        close.differences = verdicts.map {
            DifferenceVerdict(mapping: $0.mapping, canonicalKey: $0.canonical, findings: $0.findings.map(attribute))
        }
        return close
    }

    /// The finding with its disposition rule and attribution, as the store keeps it.
    private func stored(_ finding: Finding, attributedTo: String?) -> Finding {
        let rule = matcher.rule(for: finding)
        var stored = finding
        stored.disposition = rule?.disposition
        stored.ruleNote = rule?.note
        stored.attributedTo = attributedTo
        stored.cycle = nil
        stored.legacyChanges = nil
        return stored
    }
}
