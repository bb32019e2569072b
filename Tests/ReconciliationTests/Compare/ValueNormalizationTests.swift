import ParityConfig
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

    @Test func mappedValuesCompareWithTheNewSide() {
        let comparator = ValueComparator(column: ColumnMapping(legacy: "status", new: "state", map: ["O": "open"], normalize: [.rtrim]))
        #expect(comparator.compare(legacy: "O", new: "open") == .match)
        #expect(comparator.compare(legacy: "O ", new: "open") == .match)
        #expect(comparator.compare(legacy: "V", new: "void") == .mismatch)
    }
}
