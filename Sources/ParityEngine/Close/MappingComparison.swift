import Foundation
import ParityConfig
import ParityStore
import Reconciliation

/// Compares one table mapping's keys at a cycle's close: the keys changed on either side (every key for
/// the baseline) plus the keys carried into the cycle, paired by canonical key.
struct MappingComparison {
    /// What one mapping contributes to a cycle.
    struct Outcome {
        var table: CycleTableRecord
        var findings: [Finding]
        var carried: [CarriedKey]
    }

    let mapping: TableMapping
    let comparer: RowComparer
    /// The cycle's window; nil for the baseline (every key compared, nothing carried).
    let window: CycleWindow?
    let label: String
    let grace: Duration

    init(mapping: TableMapping, window: CycleWindow?, label: String, grace: Duration) {
        self.mapping = mapping
        comparer = RowComparer(mapping: mapping)
        self.window = window
        self.label = label
        self.grace = grace
    }

    /// Compares the mapping's keys, adding the rounding evidence of the rows compared to `rounding`.
    ///
    /// A merge join: both sides' rows (changed rows for a cycle, every row for the baseline) and the carried
    /// keys stream in canonical-key order; a key one side did not change is looked up in that side's state.
    func run(_ reader: CycleStateReader, rounding: inout RoundingObservations) throws -> Outcome {
        var pairs = try PairedRows(
            reader, mapping: mapping, changedOnly: window != nil, carried: try reader.carriedKeys(mapping: mapping.name))
        var index = RowKeyIndex(mapping: mapping, reader: reader)
        var findings: [Finding] = []
        var carried: [CarriedKey] = []
        var compared = 0
        var matched = 0
        while let pair = try pairs.next() {
            compared += 1
            if comparer.identicalImagesMatch, let legacy = pair.legacy?.values, let new = pair.new?.values, KeyOrder.equal(legacy, new) {
                matched += 1  // the same text under a mapping that reads both sides alike: nothing to decode
                continue
            }
            let legacy = try image(pair.legacy, side: .legacy, canonical: pair.canonical, reader: reader, index: &index)
            let new = try image(pair.new, side: .new, canonical: pair.canonical, reader: reader, index: &index)
            let found = comparer.compare(legacy: legacy, new: new, cycle: label)
            rounding.observe(comparer, legacy: legacy, new: new)
            if found.isEmpty {
                matched += 1
            } else if let window, GraceCarry.decide(
                window: window, grace: grace, legacyLastCommit: pair.legacy?.changedAt.map(StoreTime.date),
                newLastCommit: pair.new?.changedAt.map(StoreTime.date), alreadyCarried: pair.carried) == .carry {
                carried.append(CarriedKey(mapping: mapping.name, canonicalKey: pair.canonical))
            } else {
                findings += found
            }
        }
        let byKind = findings.reduce(into: [String: Int]()) { $0[$1.kind.rawValue, default: 0] += 1 }
        return Outcome(
            table: CycleTableRecord(mapping: mapping.name, compared: compared, matched: matched, findingsByKind: byKind),
            findings: findings, carried: carried)
    }

    /// A side's image of a key: the row read, or for a cycle, the side's state when it did not change the key.
    private func image(
        _ row: StateRow?, side: SourceSide, canonical: String, reader: CycleStateReader, index: inout RowKeyIndex
    ) throws -> RowImage? {
        if let row { return row.image }
        guard window != nil, let rowKey = try index.rowKey(side: side, canonical: canonical) else { return nil }
        return try reader.image(side: side.rawValue, mapping: mapping.name, rowKey: rowKey)
    }
}
