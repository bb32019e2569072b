import Foundation
import ParityConfig
import ParityModel
import ParityStore
import Reconciliation
import SourceQueries

/// Compares one table mapping's keys at a cycle's close: the keys changed on either side (every key for
/// the baseline) plus the keys carried into the cycle, paired by canonical key.
struct MappingComparison {
    /// What one mapping contributes to a cycle.
    struct Outcome {
        var table: CycleTableRecord
        /// The mapping's statistics in the cycle, counted as its keys were compared.
        var statistics: MappingStatistics
        var findings: [Finding]
        var carried: [CarriedKey]
        /// For the ledger: each key compared with differences, and each key with an open difference compared (its
        /// differences now, none when equal); a carried key has none until it is compared again. An open key that
        /// neither side changed is compared for the ledger only (not counted, not reported as a finding of the cycle),
        /// and only when the rules changed since the last close: otherwise its answer cannot have changed. An open key out of the
        /// cutover scope has none: the ledger judges only the slice compared.
        var verdicts: [(canonical: String, findings: [Finding])]
        /// Keys met and left uncompared because they are outside the mapping's cutover scope.
        var outOfScope = 0
    }

    let mapping: TableMapping
    let comparer: RowComparer
    /// The cycle's window; nil for the baseline of `init` (nothing carried).
    let window: CycleWindow?
    /// Whether every row is compared (the mapping's baseline), not only the keys changed, carried or open.
    let everyRow: Bool
    let label: String
    let grace: Duration
    /// Whether an open difference neither side changed is compared again (the rules changed since the last close).
    let revisitUnchanged: Bool
    /// The mapping's cutover scope: keys outside it are counted, not compared; nil compares every key.
    let scope: ScopePredicate?

    init(
        mapping: TableMapping, window: CycleWindow?, everyRow: Bool, label: String, grace: Duration, revisitUnchanged: Bool = true,
        scope: ScopePredicate? = nil
    ) {
        self.mapping = mapping
        comparer = RowComparer(mapping: mapping)
        self.window = window
        self.everyRow = everyRow
        self.label = label
        self.grace = grace
        self.revisitUnchanged = revisitUnchanged
        self.scope = scope
    }

    /// Compares the mapping's keys, adding the rounding evidence of the rows compared to `rounding` and reporting the
    /// keys compared to `progress` every 10,000 and at the end.
    ///
    /// A merge join: both sides' rows (changed rows for a cycle, every row for the baseline), the carried keys and
    /// the keys with an open difference stream in canonical-key order; a key one side did not change is looked up
    /// in that side's state.
    func run(
        _ reader: CycleStateReader, rounding: inout RoundingObservations, progress: WorkProgress.Sink = { _ in }
    ) throws -> Outcome {
        let subject = "\(label) \(mapping.name)"
        let carriedIn = try reader.carriedKeys(mapping: mapping.name)
        var pairs = try PairedRows(
            reader, mapping: mapping, changedOnly: !everyRow, carried: carriedIn, open: try openKeys(reader, carried: carriedIn))
        var index = RowKeyIndex(mapping: mapping, reader: reader)
        var findings: [Finding] = []
        var carried: [CarriedKey] = []
        var verdicts: [(canonical: String, findings: [Finding])] = []
        var tally = StatisticsTally(comparer: comparer)
        var keysSeen = 0
        var outOfScope = 0
        while let pair = try pairs.next() {
            if !everyRow, pair.open, !pair.carried, pair.legacy == nil, pair.new == nil {
                // An open difference neither side changed: under the same rules it compares as before, so it stays as it
                // is; under new rules the ledger learns what it is now. The cycle reports nothing either way.
                guard revisitUnchanged else { continue }
                let legacy = try image(nil, side: .legacy, canonical: pair.canonical, reader: reader, index: &index)
                let new = try image(nil, side: .new, canonical: pair.canonical, reader: reader, index: &index)
                guard scope?.contains(legacy: legacy, new: new) ?? true else {
                    verdicts.append((pair.canonical, []))  // out of scope: no longer judged
                    continue
                }
                verdicts.append((pair.canonical, comparer.compare(legacy: legacy, new: new, cycle: label).filter(\.kind.isDifference)))
                continue
            }
            keysSeen += 1
            if keysSeen % 10_000 == 0 { progress(WorkProgress(subject: subject, unit: "keys", count: keysSeen, estimated: nil, done: false)) }
            if scope == nil, comparer.identicalImagesMatch, let legacy = pair.legacy?.values, let new = pair.new?.values,
               CanonicalKeyOrder.equal(legacy, new) {
                tally.count(paired: true, findings: [])  // the same text under a mapping that reads both sides alike: nothing to decode
                if pair.open { verdicts.append((pair.canonical, [])) }
                continue
            }
            let legacy = try image(pair.legacy, side: .legacy, canonical: pair.canonical, reader: reader, index: &index)
            let new = try image(pair.new, side: .new, canonical: pair.canonical, reader: reader, index: &index)
            if let scope, legacy != nil || new != nil, !scope.contains(legacy: legacy, new: new) {
                outOfScope += 1
                if pair.open { verdicts.append((pair.canonical, [])) }  // out of scope: the ledger judges only the slice compared
                continue
            }
            var found = comparer.compare(legacy: legacy, new: new, cycle: label)
            if let events = pair.legacy?.events {
                for index in found.indices { found[index].legacyChanges = events.triggerEvents }
            }
            rounding.observe(comparer, legacy: legacy, new: new)
            if found.isEmpty {
                tally.count(paired: legacy != nil && new != nil, findings: [])
                if pair.open { verdicts.append((pair.canonical, [])) }
            } else if let window, GraceCarry.decide(
                window: window, grace: grace, legacyLastCommit: pair.legacy?.changedAt.map(StoreTime.date),
                newLastCommit: pair.new?.changedAt.map(StoreTime.date), alreadyCarried: pair.carried) == .carry {
                carried.append(CarriedKey(mapping: mapping.name, canonicalKey: pair.canonical))
                tally.countCarried()
            } else {
                tally.count(paired: legacy != nil && new != nil, findings: found)
                findings += found
                let differences = found.filter(\.kind.isDifference)
                if pair.open || !differences.isEmpty { verdicts.append((pair.canonical, differences)) }
            }
        }
        let byKind = findings.reduce(into: [String: Int]()) { $0[$1.kind.rawValue, default: 0] += 1 }
        let statistics = tally.statistics
        progress(WorkProgress(subject: subject, unit: "keys", count: statistics.compared, estimated: nil, done: true))
        return Outcome(
            table: CycleTableRecord(mapping: mapping.name, compared: statistics.compared, matched: statistics.matched, findingsByKind: byKind),
            statistics: statistics, findings: findings, carried: carried, verdicts: verdicts, outOfScope: outOfScope)
    }

    /// The keys with an open difference, and while the ledger is rebuilt (a store from before it) every key a
    /// finding of the mapping ever named, merged in store order; none for a cycle that changed, carried and compares
    /// again nothing.
    private func openKeys(_ reader: CycleStateReader, carried: [String]) throws -> [String] {
        // Nothing changed, carried or to compare again: no open key can be met (the nights and weekends of an idle source).
        if !everyRow, !revisitUnchanged, reader.changedNothing, carried.isEmpty { return [] }
        let open = try reader.openDifferenceKeys(mapping: mapping.name)
        let named = try reader.keysToRebuild(mapping: mapping.name).map { key in
            RowJSON.key(RowComparer.canonicalKey(mapping: mapping, values: mapping.key.legacy.map { key[$0] ?? nil }))
        }
        guard !named.isEmpty else { return open }
        return Set(open + named).sorted(by: CanonicalKeyOrder.precedes)
    }

    /// A side's image of a key: the row read, or when only changed keys are read, the side's state when it did not change the key.
    private func image(
        _ row: StateRow?, side: SourceSide, canonical: String, reader: CycleStateReader, index: inout RowKeyIndex
    ) throws -> RowImage? {
        if let row { return row.image }
        guard !everyRow, let rowKey = try index.rowKey(side: side, canonical: canonical) else { return nil }
        return try reader.image(side: side, mapping: mapping.name, rowKey: rowKey)
    }
}
