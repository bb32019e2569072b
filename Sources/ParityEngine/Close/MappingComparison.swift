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

    /// One canonical key and the raw key on each side that has (or had) it.
    private struct Pair {
        var legacyKey: String?
        var newKey: String?
        var legacyCommit: Date?
        var newCommit: Date?
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
    func run(_ reader: CycleStateReader, rounding: inout RoundingObservations) throws -> Outcome {
        var pairs: [String: Pair] = [:]
        for side in SourceSide.allCases {
            let changed: [String: Int64?] = window == nil
                ? Dictionary(uniqueKeysWithValues: try reader.keys(side: side.rawValue, mapping: mapping.name).map { ($0, nil) })
                : try reader.changedKeys(side: side.rawValue, mapping: mapping.name).mapValues { $0 }
            for (rowKey, commit) in changed {
                let time = commit.map(StoreTime.date)
                var pair = pairs[canonical(rowKey), default: Pair()]
                if side == .legacy { pair.legacyKey = rowKey; pair.legacyCommit = time } else { pair.newKey = rowKey; pair.newCommit = time }
                pairs[canonical(rowKey)] = pair
            }
        }
        let carriedIn = Set(try reader.carriedKeys(mapping: mapping.name))
        for key in carriedIn where pairs[key] == nil { pairs[key] = Pair() }
        var index = RowKeyIndex(mapping: mapping, reader: reader)
        var findings: [Finding] = []
        var carried: [CarriedKey] = []
        var matched = 0
        for canonicalKey in pairs.keys.sorted() {
            let pair = pairs[canonicalKey]!
            let legacyKey = try pair.legacyKey ?? index.rowKey(side: .legacy, canonical: canonicalKey)
            let newKey = try pair.newKey ?? index.rowKey(side: .new, canonical: canonicalKey)
            let legacy = try legacyKey.flatMap { try reader.image(side: SourceSide.legacy.rawValue, mapping: mapping.name, rowKey: $0) }
            let new = try newKey.flatMap { try reader.image(side: SourceSide.new.rawValue, mapping: mapping.name, rowKey: $0) }
            let found = comparer.compare(legacy: legacy, new: new, cycle: label)
            rounding.observe(comparer, legacy: legacy, new: new)
            if found.isEmpty {
                matched += 1
            } else if let window, GraceCarry.decide(
                window: window, grace: grace, legacyLastCommit: pair.legacyCommit, newLastCommit: pair.newCommit,
                alreadyCarried: carriedIn.contains(canonicalKey)) == .carry {
                carried.append(CarriedKey(mapping: mapping.name, canonicalKey: canonicalKey))
            } else {
                findings += found
            }
        }
        let byKind = findings.reduce(into: [String: Int]()) { $0[$1.kind.rawValue, default: 0] += 1 }
        return Outcome(
            table: CycleTableRecord(mapping: mapping.name, compared: pairs.count, matched: matched, findingsByKind: byKind),
            findings: findings, carried: carried)
    }

    private func canonical(_ rowKey: String) -> String {
        RowJSON.key(RowComparer.canonicalKey(mapping: mapping, values: RowJSON.decodeKey(rowKey) ?? []))
    }
}
