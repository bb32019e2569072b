import ParityConfig
import ParityModel
import Testing
@testable import Reconciliation

@Suite struct ValueNormalizationTests {
    @Test(arguments: [
        (ColumnNormalizer.trim, "  open \n", "open"),
        (.ltrim, "  open  ", "open  "),
        (.rtrim, "A   ", "A"),
        (.upper, "Straße", "STRASSE"),
        (.lower, "PAID", "paid"),
        (.nullEqualsEmpty, " x ", " x "),
    ])
    func eachNormalizer(normalizer: ColumnNormalizer, input: String, expected: String) {
        #expect(normalizer.apply(to: input) == expected)
    }

    @Test func nullEqualsEmptyTurnsEmptyTextIntoNull() {
        let column = ColumnMapping(legacy: "notes", new: "memo", normalize: [.nullEqualsEmpty, .trim])
        #expect(ValueNormalization.normalize("   ", side: .new, column: column) == nil)
        #expect(ValueNormalization.normalize(nil, side: .legacy, column: column) == nil)
        #expect(ValueNormalization.normalize(" a ", side: .legacy, column: column) == "a")
        #expect(ValueNormalization.normalize("", side: .legacy, column: ColumnMapping(legacy: "n", new: "n")) == "")
    }

    @Test func valueMapAppliesToLegacyAfterNormalizers() {
        let column = ColumnMapping(legacy: "status", new: "state", map: ["O": "open", "P": "paid"], normalize: [.rtrim, .upper])
        #expect(ValueNormalization.normalize("o  ", side: .legacy, column: column) == "open")
        #expect(ValueNormalization.normalize("P", side: .legacy, column: column) == "paid")
        #expect(ValueNormalization.normalize("X", side: .legacy, column: column) == "X")
        #expect(ValueNormalization.normalize("O", side: .new, column: column) == "O")
    }

    @Test func textsCompareByteForByteUnlessComposed() {
        let precomposed = "caf\u{E9}", decomposed = "cafe\u{301}"
        #expect(precomposed == decomposed, "Swift's String equates them; PostgreSQL's = does not")
        for type in [ColumnType.text, .bytea] {
            #expect(ValueComparator(column: ColumnMapping(legacy: "name", new: "name", type: type)).compare(legacy: precomposed, new: decomposed) == .mismatch)
        }
        #expect(ValueComparator(column: ColumnMapping(legacy: "name", new: "label")).compare(legacy: decomposed, new: decomposed) == .match)
        let composed = ValueComparator(column: ColumnMapping(legacy: "name", new: "name", normalize: [.nfc]))
        #expect(composed.compare(legacy: precomposed, new: decomposed) == .match)
        #expect(Array(ColumnNormalizer.nfc.apply(to: decomposed).unicodeScalars) == Array(precomposed.unicodeScalars))
        let mapped = ValueComparator(column: ColumnMapping(legacy: "status", new: "state", map: [ExactText(precomposed): "coffee"]))
        #expect(mapped.compare(legacy: precomposed, new: "coffee") == .match)
        #expect(mapped.compare(legacy: decomposed, new: "coffee") == .mismatch, "the map names the precomposed text only")
        #expect(mapped.compare(legacy: decomposed, new: precomposed) == .mismatch)
        let mappedComposed = ValueComparator(column: ColumnMapping(legacy: "status", new: "state", map: [ExactText(precomposed): "coffee"], normalize: [.nfc]))
        #expect(mappedComposed.compare(legacy: decomposed, new: "coffee") == .match)
    }

    @Test func mappedValuesCompareWithTheNewSide() {
        let comparator = ValueComparator(column: ColumnMapping(legacy: "status", new: "state", map: ["O": "open"], normalize: [.rtrim]))
        #expect(comparator.compare(legacy: "O", new: "open") == .match)
        #expect(comparator.compare(legacy: "O ", new: "open") == .match)
        #expect(comparator.compare(legacy: "V", new: "void") == .mismatch)
    }
}
