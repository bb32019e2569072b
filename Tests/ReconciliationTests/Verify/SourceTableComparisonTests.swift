import ParityModel
import Testing
@testable import Reconciliation

/// The merge of a source table's rows with the store's, both in key order (`parity verify --sources`).
@Suite struct SourceTableComparisonTests {
    private typealias SourceRow = SourceTableComparison.SourceRow
    private typealias StoredRow = SourceTableComparison.StoredRow
    private let columns = ["id", "note"]

    /// An image text for these tests: values joined by `|`, `~` for NULL.
    private func decode(_ key: String, _ columns: [String], _ text: String) -> [String: String?] {
        Dictionary(uniqueKeysWithValues: zip(columns, text.split(separator: "|", omittingEmptySubsequences: false).map {
            $0 == "~" ? nil : String($0)
        }))
    }

    private func compare(_ source: [SourceRow], _ stored: [StoredRow]) -> SourceTableComparison {
        var sourceRows = source.makeIterator()
        var storedRows = stored.makeIterator()
        return SourceTableComparison.compare(
            side: .legacy, mapping: "orders", table: "public.orders", keyColumns: ["id"],
            source: { sourceRows.next() }, stored: { storedRows.next() },
            decodeKey: { [String($0.dropFirst(2).dropLast(2))] }, decodeImage: decode)
    }

    private func row(_ id: String, _ note: String) -> SourceRow {
        SourceRow(key: #"[""# + id + #""]"#, columns: columns, image: id + "|" + note)
    }

    private func kept(_ id: String, _ note: String?, comparable: Bool = true) -> StoredRow {
        StoredRow(key: #"[""# + id + #""]"#, columns: columns, image: note.map { id + "|" + $0 }, comparable: comparable)
    }

    private func summary(_ result: SourceTableComparison) -> [String] {
        result.drifts.map { "\($0.keyText) \($0.problem.rawValue) \($0.columns)" }
    }

    @Test func equalTablesHaveNoDrift() {
        let result = compare([row("1", "a"), row("2", "b")], [kept("1", "a"), kept("2", "b")])
        #expect(result == SourceTableComparison(sourceRows: 2, storedRows: 2, notComparable: 0, drifts: []))
    }

    @Test func eachKindOfDriftInKeyOrder() {
        let result = compare(
            [row("1", "a"), row("2", "b"), row("4", "d")],
            [kept("1", "a"), kept("2", "x"), kept("3", "c"), kept("4", "d"), kept("5", "e")])
        #expect(summary(result) == ["id=2 different_value [\"note\"]", "id=3 extra_in_store []", "id=5 extra_in_store []"])
        #expect(result.sourceRows == 3 && result.storedRows == 5)
        let missing = compare([row("1", "a"), row("2", "b"), row("3", "c")], [kept("2", "b")])
        #expect(summary(missing) == ["id=1 missing_in_store []", "id=3 missing_in_store []"])
    }

    @Test func differentTextsWithEqualImagesAreNoDrift() {
        // Other columns' order: the texts differ, the images do not.
        let source = SourceRow(key: #"["1"]"#, columns: ["note", "id"], image: "a|1")
        #expect(compare([source], [kept("1", "a")]).drifts.isEmpty)
    }

    @Test func keysTheStoreCannotStateAreNotCompared() {
        let result = compare(
            [row("1", "a"), row("3", "c")],
            [kept("1", "changed later", comparable: false), kept("2", nil, comparable: false), kept("3", "c")])
        #expect(result.drifts.isEmpty)
        #expect(result.notComparable == 2 && result.storedRows == 2 && result.sourceRows == 2)
    }

    @Test func keysMergeInByteOrderNotStringOrder() {
        // "é" precomposed (C3 A9) and decomposed (65 CC 81) are equal Swift strings but different keys in the store.
        let composed = "\u{E9}", decomposed = "e\u{301}"
        let result = compare([row(decomposed, "a"), row(composed, "b")], [kept(decomposed, "a"), kept(composed, "b")])
        #expect(result.drifts.isEmpty && result.sourceRows == 2 && result.storedRows == 2)
        #expect(CanonicalKeyOrder.compare(decomposed, composed) < 0 && CanonicalKeyOrder.compare(composed, decomposed) > 0)
        #expect(CanonicalKeyOrder.compare(#"["1"]"#, #"["10"]"#) < 0 && CanonicalKeyOrder.compare(#"["1"]"#, #"["1"]"#) == 0)
    }
}
