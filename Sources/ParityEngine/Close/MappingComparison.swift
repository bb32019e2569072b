import Foundation
import ParityConfig
import ParityModel
import ParityStore
import Reconciliation
import SourceQueries

/// Compares one table mapping's keys at a cycle's close: the keys changed on either side (every key for
/// the baseline) plus the keys carried into the cycle, paired by canonical key. The store's rows and state feed
/// `KeyComparison`, which decides.
struct MappingComparison {
    /// What one mapping contributes to a cycle.
    struct Outcome {
        var table: CycleTableRecord
        /// The mapping's statistics in the cycle, counted as its keys were compared.
        var statistics: MappingStatistics
        var findings: [Finding]
        var carried: [CarriedKey]
        /// For the ledger: see `KeyComparison.Outcome.verdicts`.
        var verdicts: [(canonical: CanonicalKey, findings: [Finding])]
        /// Keys met and left uncompared because they are outside the mapping's cutover scope.
        var outOfScope = 0
    }

    let mapping: TableMapping
    let comparison: KeyComparison

    init(
        mapping: TableMapping, window: CycleWindow?, everyRow: Bool, label: String, grace: Duration, revisitUnchanged: Bool = true,
        scope: ScopePredicate? = nil
    ) {
        self.mapping = mapping
        comparison = KeyComparison(
            comparer: RowComparer(mapping: mapping), window: window, everyRow: everyRow, label: label, grace: grace,
            revisitUnchanged: revisitUnchanged, scope: scope)
    }

    /// Compares the mapping's keys, adding the rounding evidence of the rows compared to `rounding` and reporting the
    /// keys compared to `progress` every 10,000 and at the end.
    ///
    /// Both sides' rows (changed rows for a cycle, every row for the baseline), the carried keys and the keys with an
    /// open difference stream in canonical-key order into the merge join; a key one side did not change is looked up
    /// in that side's state.
    func run(
        _ reader: CycleStateReader, rounding: inout RoundingObservations, progress: WorkProgress.Sink = { _ in }
    ) throws -> Outcome {
        let subject = "\(comparison.label) \(mapping.name)"
        let carriedIn = try reader.carriedKeys(mapping: mapping.name)
        var pairs = try PairedRows(
            reader, mapping: mapping, changedOnly: !comparison.everyRow, carried: carriedIn, open: try openKeys(reader, carried: carriedIn))
        var index = RowKeyIndex(mapping: mapping, reader: reader)
        let compared = try comparison.run(
            &pairs,
            otherImage: { side, canonical in
                guard let rowKey = try index.rowKey(side: side, canonical: canonical) else { return nil }
                return try reader.image(side: side, mapping: mapping.name, rowKey: rowKey)
            },
            rounding: &rounding,
            progress: { progress(WorkProgress(subject: subject, unit: "keys", count: $0, estimated: nil, done: false)) })
        let byKind = compared.findings.reduce(into: [String: Int]()) { $0[$1.kind.rawValue, default: 0] += 1 }
        let statistics = compared.statistics
        progress(WorkProgress(subject: subject, unit: "keys", count: statistics.compared, estimated: nil, done: true))
        return Outcome(
            table: CycleTableRecord(mapping: mapping.name, compared: statistics.compared, matched: statistics.matched, findingsByKind: byKind),
            statistics: statistics, findings: compared.findings,
            carried: compared.carried.map { CarriedKey(mapping: mapping.name, canonicalKey: $0) }, verdicts: compared.verdicts,
            outOfScope: compared.outOfScope)
    }

    /// The keys with an open difference, and while the ledger is rebuilt (a store from before it) every key a
    /// finding of the mapping ever named, merged in canonical-key order; none for a cycle that changed, carried and
    /// compares again nothing.
    private func openKeys(_ reader: CycleStateReader, carried: [CanonicalKey]) throws -> [CanonicalKey] {
        // Nothing changed, carried or to compare again: no open key can be met (the nights and weekends of an idle source).
        if !comparison.everyRow, !comparison.revisitUnchanged, reader.changedNothing, carried.isEmpty { return [] }
        let open = try reader.openDifferenceKeys(mapping: mapping.name)
        let named = try reader.keysToRebuild(mapping: mapping.name).map { key in
            CanonicalKey(RowJSON.key(RowComparer.canonicalKey(mapping: mapping, values: mapping.key.legacy.map { key[$0] ?? nil })))
        }
        guard !named.isEmpty else { return open }
        return Set(open + named).sorted()
    }
}
