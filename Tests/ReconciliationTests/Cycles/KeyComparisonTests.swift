import Foundation
import ParityConfig
import ParityModel
import Reconciliation
import Testing

/// The comparison loop of a close over the merge join: what is compared, reported, carried, left out of scope, and
/// what the ledger learns.
@Suite struct KeyComparisonTests {
    struct Row: ComparedRow {
        var canonicalKey: CanonicalKey
        var image: RowImage?
        var imageText: String?
        var lastCommit: Date?
        var changes: Set<TriggerEvent>?
    }

    private let mapping = TableMapping(
        name: "orders", legacy: QualifiedName(name: "orders"), new: QualifiedName(schema: "sales", name: "orders"),
        key: KeyMapping(legacy: ["id"], new: ["id"]), columns: [ColumnMapping(legacy: "status", new: "status")])
    /// A one-day window at a fixed instant: the comparison reads only the window, never the clock.
    private let window = CycleWindow(
        start: Date(timeIntervalSince1970: 1_795_000_000), end: Date(timeIntervalSince1970: 1_795_000_000 + 86_400), label: "c1")

    /// A row of key `id` whose image text is its values, unless `text` says otherwise.
    private func row(_ id: String, _ status: String?, text: String? = nil, at commit: Date? = nil, changes: Set<TriggerEvent>? = nil) -> Row {
        Row(canonicalKey: key(id), image: ["id": id, "status": status], imageText: text ?? "\(id)|\(status ?? "∅")",
            lastCommit: commit, changes: changes)
    }

    private func key(_ id: String) -> CanonicalKey { CanonicalKey(#"[""# + id + #""]"#) }

    private struct Run {
        var outcome: KeyComparison.Outcome
        /// The lookups the comparison made, as `side key`.
        var lookups: [String]
        var progress: [Int]
    }

    private func run(
        legacy: [Row], new: [Row], carried: [CanonicalKey] = [], open: [CanonicalKey] = [], state: [SourceSide: [CanonicalKey: RowImage]] = [:],
        everyRow: Bool = false, revisit: Bool = true, scope: ScopePredicate? = nil
    ) throws -> Run {
        let comparison = KeyComparison(
            comparer: RowComparer(mapping: mapping), window: everyRow ? nil : window, everyRow: everyRow, label: "c1", grace: .seconds(120),
            revisitUnchanged: revisit, scope: scope)
        var join = try MergeJoin(legacy: ListedRows(legacy), new: ListedRows(new), carried: carried, open: open)
        var rounding = RoundingObservations()
        var lookups: [String] = []
        var progress: [Int] = []
        let outcome = try comparison.run(
            &join,
            otherImage: { side, canonical in
                lookups.append("\(side.rawValue) \(canonical)")
                return state[side]?[canonical]
            },
            rounding: &rounding, progress: { progress.append($0) })
        return Run(outcome: outcome, lookups: lookups, progress: progress)
    }

    @Test func equalRowsMatchAndDifferentOnesAreReported() throws {
        let outcome = try run(legacy: [row("1", "open"), row("2", "open")], new: [row("1", "open"), row("2", "paid")]).outcome
        #expect(outcome.statistics.compared == 2 && outcome.statistics.matched == 1 && outcome.statistics.paired == 2)
        #expect(outcome.findings.map(\.kind) == [.valueMismatch])
        #expect(outcome.findings.first?.key == ["id": "2"])
        #expect(outcome.verdicts.map(\.canonical) == [key("2")])
        #expect(outcome.carried.isEmpty)
    }

    @Test func identicalImageTextsMatchWithoutDecoding() throws {
        // The same text with images that would differ: only the text is read.
        let same = try run(legacy: [row("1", "open", text: "t")], new: [row("1", "paid", text: "t")], open: [key("1")]).outcome
        #expect(same.findings.isEmpty && same.statistics.matched == 1 && same.statistics.paired == 1)
        #expect(same.verdicts.map(\.canonical) == [key("1")] && same.verdicts.allSatisfy(\.findings.isEmpty))
        // Under a cutover scope the images are decoded and tested, so the text is not trusted alone.
        let scope = try ScopePredicate(.filter("id < 5"), mapping: mapping)
        let scoped = try run(legacy: [row("1", "open", text: "t")], new: [row("1", "paid", text: "t")], scope: scope).outcome
        #expect(scoped.findings.map(\.kind) == [.valueMismatch])
    }

    @Test func aKeyOneSideDidNotChangeIsLookedUpInItsState() throws {
        let state: [SourceSide: [CanonicalKey: RowImage]] = [.new: [key("1"): ["id": "1", "status": "paid"]]]
        let result = try run(legacy: [row("1", "open"), row("2", "open")], new: [], state: state)
        #expect(result.lookups == ["new \(key("1"))", "new \(key("2"))"])
        #expect(result.outcome.findings.map(\.kind) == [.valueMismatch, .missingInNew])
        // Comparing every row, a side that read no row has none: nothing is looked up.
        let baseline = try run(legacy: [row("1", "open")], new: [], state: state, everyRow: true)
        #expect(baseline.lookups.isEmpty && baseline.outcome.findings.map(\.kind) == [.missingInNew])
    }

    @Test func aDifferenceChangedWithinGraceIsCarriedOnce() throws {
        let late = window.end.addingTimeInterval(-60)
        let carried = try run(legacy: [row("1", "open", at: late)], new: [row("1", "paid")])
        #expect(carried.outcome.carried == [key("1")])
        #expect(carried.outcome.findings.isEmpty && carried.outcome.verdicts.isEmpty)
        #expect(carried.outcome.statistics.compared == 1 && carried.outcome.statistics.matched == 0)
        // Carried in already: reported this time.
        let again = try run(legacy: [row("1", "open", at: late)], new: [row("1", "paid")], carried: [key("1")])
        #expect(again.outcome.carried.isEmpty && again.outcome.findings.map(\.kind) == [.valueMismatch])
        // Changed before the grace period: reported.
        let early = try run(legacy: [row("1", "open", at: window.start.addingTimeInterval(43_200))], new: [row("1", "paid")])
        #expect(early.outcome.carried.isEmpty && early.outcome.findings.count == 1)
    }

    @Test func keysOutOfScopeAreCountedNotCompared() throws {
        let scope = try ScopePredicate(.filter("id < 5"), mapping: mapping)
        let outcome = try run(
            legacy: [row("1", "open"), row("7", "open")], new: [row("1", "paid"), row("7", "paid")], open: [key("7")], scope: scope
        ).outcome
        #expect(outcome.outOfScope == 1)
        #expect(outcome.findings.map(\.key) == [["id": "1"]])
        #expect(outcome.statistics.compared == 1 && outcome.statistics.matched == 0)
        // The open key out of scope is no longer judged: the ledger hears no difference for it.
        #expect(outcome.verdicts.map(\.canonical) == [key("1"), key("7")])
        #expect(outcome.verdicts.last?.findings.isEmpty == true)
    }

    @Test func anOpenKeyNeitherSideChangedIsRevisitedForTheLedgerOnly() throws {
        let state: [SourceSide: [CanonicalKey: RowImage]] = [
            .legacy: [key("3"): ["id": "3", "status": "open"]], .new: [key("3"): ["id": "3", "status": "void"]],
        ]
        let revisited = try run(legacy: [], new: [], open: [key("3")], state: state)
        #expect(revisited.lookups == ["legacy \(key("3"))", "new \(key("3"))"])
        #expect(revisited.outcome.verdicts.map(\.canonical) == [key("3")])
        #expect(revisited.outcome.verdicts.first?.findings.map(\.kind) == [.valueMismatch])
        #expect(revisited.outcome.findings.isEmpty && revisited.outcome.statistics.compared == 0)
        // Under the same rules it cannot compare otherwise: left alone.
        let kept = try run(legacy: [], new: [], open: [key("3")], state: state, revisit: false)
        #expect(kept.lookups.isEmpty && kept.outcome.verdicts.isEmpty)
        // Out of scope now: no longer judged.
        let scope = try ScopePredicate(.filter("id < 3"), mapping: mapping)
        let scoped = try run(legacy: [], new: [], open: [key("3")], state: state, scope: scope)
        #expect(scoped.outcome.verdicts.count == 1 && scoped.outcome.verdicts.first?.findings.isEmpty == true)
    }

    @Test func anOpenKeyNowEqualGetsAnEmptyVerdict() throws {
        let outcome = try run(legacy: [row("4", "open")], new: [row("4", "open", text: "other text")], open: [key("4")]).outcome
        #expect(outcome.findings.isEmpty && outcome.statistics.matched == 1)
        #expect(outcome.verdicts.map(\.canonical) == [key("4")] && outcome.verdicts.first?.findings.isEmpty == true)
    }

    @Test func findingsCarryWhatTheCycleDidToTheLegacyRow() throws {
        let outcome = try run(legacy: [row("1", "open", changes: [.update])], new: [row("1", "paid")]).outcome
        #expect(outcome.findings.first?.legacyChanges == [.update])
    }

    @Test func progressEveryTenThousandKeys() throws {
        let rows = (0..<20_001).map { row(String(format: "%05d", $0), "open") }
        let result = try run(legacy: rows, new: rows, everyRow: true)
        #expect(result.progress == [10_000, 20_000])
        #expect(result.outcome.statistics.compared == 20_001 && result.outcome.statistics.matched == 20_001)
    }
}
