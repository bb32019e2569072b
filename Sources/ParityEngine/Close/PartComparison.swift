import Foundation
import ParityConfig
import ParityModel
import ParityStore
import Reconciliation

/// What one close task found over its range of key parts: the comparison of each mapping a close splits by part
/// (``CycleComparison/splitsByPart(_:_:)``) and the rounding evidence of the rows it compared. The store keeps it as
/// JSON text until the coordinator merges the tasks' results into the cycle's.
struct PartComparison: Codable, Equatable {
    /// One mapping's comparison over the task's parts.
    struct Mapping: Codable, Equatable {
        var name: String
        var statistics: MappingStatistics
        /// In canonical key order, as the merge join met them.
        var findings: [Finding]
        var carried: [CanonicalKey]
        var verdicts: [Verdict]
        /// The task's count of the mapping's cutover scope; nil without one.
        var scope: CutoverScopeRun.Count? = nil
    }

    /// A key's differences for the ledger (``KeyComparison/Outcome/verdicts``).
    struct Verdict: Codable, Equatable {
        var canonical: CanonicalKey
        var findings: [Finding]
    }

    /// The rounding evidence of one column on one side.
    struct Rounding: Codable, Equatable {
        var mapping: String
        var column: String
        var side: SourceSide
        var evidence: RoundingEvidence
    }

    /// The totals one aggregate reached over the task's parts.
    struct Aggregate: Codable, Equatable {
        var name: String
        var partial: AggregateComputer.Partial
    }

    var mappings: [Mapping] = []
    var rounding: [Rounding] = []
    /// By aggregate name.
    var aggregates: [Aggregate] = []

    /// The result `text` (what ``text()`` wrote); throws when it is not one.
    init(text: String) throws {
        self = try JSONDecoder().decode(PartComparison.self, from: Data(text.utf8))
    }

    init(mappings: [Mapping], rounding: RoundingObservations, aggregates: [String: AggregateComputer.Partial] = [:]) {
        self.mappings = mappings
        self.aggregates = aggregates.sorted { $0.key < $1.key }.map { Aggregate(name: $0.key, partial: $0.value) }
        self.rounding = rounding.evidence.sorted { $0.key < $1.key }.map {
            Rounding(mapping: $0.key.mapping, column: $0.key.column, side: $0.key.side, evidence: $0.value)
        }
    }

    /// The result as the store keeps it.
    func text() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    /// The tasks' rounding evidence added up.
    static func rounding(_ parts: [PartComparison]) -> RoundingObservations {
        var merged = RoundingObservations()
        for part in parts {
            for entry in part.rounding {
                merged.merge(.init(mapping: entry.mapping, column: entry.column, side: entry.side), entry.evidence)
            }
        }
        return merged
    }

    /// Each aggregate's totals over the tasks' parts, one per task that computed it, in part order.
    static func aggregates(_ parts: [PartComparison]) -> [String: [AggregateComputer.Partial]] {
        parts.reduce(into: [:]) { merged, part in
            for aggregate in part.aggregates { merged[aggregate.name, default: []].append(aggregate.partial) }
        }
    }

    /// `mapping`'s comparison over every part: what one comparison of all its keys would have found, in the same order.
    /// A key lives in one part, so merging the tasks' lists by canonical key gives the merge join's order.
    static func merge(_ parts: [PartComparison], mapping: TableMapping) -> MappingComparison.Outcome {
        let pieces = parts.compactMap { part in part.mappings.first { $0.name == mapping.name } }
        var statistics = pieces.first?.statistics ?? MappingStatistics(mapping: mapping.name)
        for piece in pieces.dropFirst() {
            statistics = statistics.adding(piece.statistics)
            statistics.cycles = 1
        }
        let findings = inKeyOrder(pieces.map { piece in piece.findings.map { (canonical(of: $0, mapping: mapping), $0) } })
        let carried = inKeyOrder(pieces.map { piece in piece.carried.map { ($0, $0) } })
        let verdicts = inKeyOrder(pieces.map { piece in piece.verdicts.map { ($0.canonical, $0) } })
        let byKind = findings.reduce(into: [String: Int]()) { $0[$1.kind.rawValue, default: 0] += 1 }
        return MappingComparison.Outcome(
            table: CycleTableRecord(mapping: mapping.name, compared: statistics.compared, matched: statistics.matched, findingsByKind: byKind),
            statistics: statistics, findings: findings, carried: carried.map { CarriedKey(mapping: mapping.name, canonicalKey: $0) },
            verdicts: verdicts.map { (canonical: $0.canonical, findings: $0.findings) })
    }

    /// `mapping`'s cutover scope counted over every part; nil when the tasks counted none.
    static func scopeCount(_ parts: [PartComparison], mapping: String) -> CutoverScopeRun.Count? {
        parts.compactMap { part in part.mappings.first { $0.name == mapping }?.scope }.reduce(nil) { $0?.adding($1) ?? $1 }
    }

    /// The canonical key of the row a finding names: its key values (legacy column names) after the key normalizers.
    private static func canonical(of finding: Finding, mapping: TableMapping) -> CanonicalKey {
        CanonicalKey(RowJSON.key(RowComparer.canonicalKey(mapping: mapping, values: mapping.key.legacy.map { finding.key[$0] ?? nil })))
    }

    /// Lists each in key order merged into one in key order; equal keys (one key's entries, from one list) keep their order.
    private static func inKeyOrder<Element>(_ lists: [[(CanonicalKey, Element)]]) -> [Element] {
        lists.enumerated()
            .flatMap { list in list.element.enumerated().map { (key: $0.element.0, list: list.offset, index: $0.offset, element: $0.element.1) } }
            .sorted { ($0.key, $0.list, $0.index) < ($1.key, $1.list, $1.index) }
            .map(\.element)
    }
}
