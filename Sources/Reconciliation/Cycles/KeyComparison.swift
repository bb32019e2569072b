import Foundation
import ParityModel

/// Compares one table mapping's keys at a cycle's close, as a merge join (``MergeJoin``) pairs them: the keys changed
/// on either side (every key for a baseline), the keys carried into the cycle and the keys with an open difference.
///
/// Pure: a side's image of a key it did not change comes from the caller (`otherImage`).
public struct KeyComparison: Sendable {
    /// What one mapping's keys give in a cycle.
    public struct Outcome {
        /// The mapping's statistics in the cycle, counted as its keys were compared.
        public var statistics: MappingStatistics
        /// The findings reported in the cycle, in key order.
        public var findings: [Finding]
        /// The canonical keys carried to the next cycle, in key order.
        public var carried: [CanonicalKey]
        /// For the ledger: each key compared with differences, and each key with an open difference compared (its
        /// differences now, none when equal); a carried key has none until it is compared again. An open key that
        /// neither side changed is compared for the ledger only (not counted, not reported as a finding of the cycle),
        /// and only when `revisitUnchanged`: otherwise its answer cannot have changed. An open key out of the cutover
        /// scope has none: the ledger judges only the slice compared.
        public var verdicts: [(canonical: CanonicalKey, findings: [Finding])]
        /// Keys met and left uncompared because they are outside the mapping's cutover scope.
        public var outOfScope = 0

        @inlinable
        init(statistics: MappingStatistics) {
            self.statistics = statistics
            findings = []
            carried = []
            verdicts = []
        }
    }

    /// Compares the mapping's rows.
    public let comparer: RowComparer
    /// The cycle's window; nil when nothing is carried (the baseline of `init`, verify).
    public let window: CycleWindow?
    /// Whether every row is compared (the join reads every row on both sides), not only the keys changed, carried or open.
    public let everyRow: Bool
    /// The cycle's label, which findings carry.
    public let label: String
    /// How close to the cycle's end a change makes a differing key carried rather than reported.
    public let grace: Duration
    /// Whether an open difference neither side changed is compared again (the rules changed since the last close).
    public let revisitUnchanged: Bool
    /// The mapping's cutover scope: keys outside it are counted, not compared; nil compares every key.
    public let scope: ScopePredicate?

    /// Prepares the comparison of `comparer`'s mapping.
    public init(
        comparer: RowComparer, window: CycleWindow?, everyRow: Bool, label: String, grace: Duration, revisitUnchanged: Bool = true,
        scope: ScopePredicate? = nil
    ) {
        self.comparer = comparer
        self.window = window
        self.everyRow = everyRow
        self.label = label
        self.grace = grace
        self.revisitUnchanged = revisitUnchanged
        self.scope = scope
    }

    /// Compares every key `join` pairs, adding the rounding evidence of the rows compared to `rounding` and calling
    /// `progress` with the keys met every 10,000.
    ///
    /// A key a side's join read no row for has that side's image from `otherImage(side, canonicalKey)` (its state
    /// as of the cycle's end, nil when it has no row) unless every row is compared (then it has no row). Two rows
    /// whose image texts are the same bytes match without decoding when the mapping reads both sides alike and no
    /// scope applies.
    ///
    /// Inlinable, as ``MergeJoin`` is, so that the loop is specialized for the caller's rows.
    @inlinable
    public func run<Legacy, New>(
        _ join: inout MergeJoin<Legacy, New>, otherImage: (SourceSide, CanonicalKey) throws -> RowImage?,
        rounding: inout RoundingObservations, progress: (Int) -> Void = { _ in }
    ) throws -> Outcome where Legacy.Row: ComparedRow, New.Row: ComparedRow {
        func image(_ row: (some ComparedRow)?, side: SourceSide, canonical: CanonicalKey) throws -> RowImage? {
            if let row { return try row.image }
            return everyRow ? nil : try otherImage(side, canonical)
        }
        var tally = StatisticsTally(comparer: comparer)
        var outcome = Outcome(statistics: tally.statistics)
        var keysSeen = 0
        while let pair = try join.next() {
            if !everyRow, pair.open, !pair.carried, pair.legacy == nil, pair.new == nil {
                // An open difference neither side changed: under the same rules it compares as before, so it stays as it
                // is; under new rules the ledger learns what it is now. The cycle reports nothing either way.
                guard revisitUnchanged else { continue }
                let legacy = try otherImage(.legacy, pair.canonical)
                let new = try otherImage(.new, pair.canonical)
                guard scope?.contains(legacy: legacy, new: new) ?? true else {
                    outcome.verdicts.append((pair.canonical, []))  // out of scope: no longer judged
                    continue
                }
                outcome.verdicts.append((pair.canonical, comparer.compare(legacy: legacy, new: new, cycle: label).filter(\.kind.isDifference)))
                continue
            }
            keysSeen += 1
            if keysSeen % 10_000 == 0 { progress(keysSeen) }
            if scope == nil, comparer.identicalImagesMatch, let legacy = pair.legacy?.imageText, let new = pair.new?.imageText,
               CanonicalKeyOrder.equal(legacy, new) {
                tally.count(paired: true, findings: [])  // the same text under a mapping that reads both sides alike: nothing to decode
                if pair.open { outcome.verdicts.append((pair.canonical, [])) }
                continue
            }
            let legacy = try image(pair.legacy, side: .legacy, canonical: pair.canonical)
            let new = try image(pair.new, side: .new, canonical: pair.canonical)
            if let scope, legacy != nil || new != nil, !scope.contains(legacy: legacy, new: new) {
                outcome.outOfScope += 1
                if pair.open { outcome.verdicts.append((pair.canonical, [])) }  // out of scope: the ledger judges only the slice compared
                continue
            }
            var found = comparer.compare(legacy: legacy, new: new, cycle: label)
            if !found.isEmpty, let changes = pair.legacy?.changes {
                for index in found.indices { found[index].legacyChanges = changes }
            }
            rounding.observe(comparer, legacy: legacy, new: new)
            if found.isEmpty {
                tally.count(paired: legacy != nil && new != nil, findings: [])
                if pair.open { outcome.verdicts.append((pair.canonical, [])) }
            } else if let window, GraceCarry.decide(
                window: window, grace: grace, legacyLastCommit: pair.legacy?.lastCommit, newLastCommit: pair.new?.lastCommit,
                alreadyCarried: pair.carried) == .carry {
                outcome.carried.append(pair.canonical)
                tally.countCarried()
            } else {
                tally.count(paired: legacy != nil && new != nil, findings: found)
                outcome.findings += found
                let differences = found.filter(\.kind.isDifference)
                if pair.open || !differences.isEmpty { outcome.verdicts.append((pair.canonical, differences)) }
            }
        }
        outcome.statistics = tally.statistics
        return outcome
    }
}
