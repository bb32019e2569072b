import ParityConfig
import ParityModel
import Testing
@testable import Reconciliation

@Suite struct RowComparerTests {
    private let mapping = TableMapping(
        name: "invoices",
        legacy: QualifiedName(name: "invoices"),
        new: QualifiedName(schema: "billing", name: "invoice"),
        key: KeyMapping(legacy: ["inv_no"], new: ["id"], normalize: [.trim, .stripLeadingZeros]),
        columns: [
            ColumnMapping(legacy: "status", new: "state", map: ["O": "open", "P": "paid"], normalize: [.rtrim]),
            ColumnMapping(legacy: "total", new: "total", type: .decimal, scale: 2, tolerance: .amount("0.01")),
            ColumnMapping(legacy: "notes", new: "memo", normalize: [.nullEqualsEmpty]),
        ]
    )

    @Test func identicalImagesMatchOnlyWhenBothSidesReadThemAlike() {
        #expect(!RowComparer(mapping: mapping).identicalImagesMatch)  // renamed columns, a value map
        var plain = mapping
        plain.columns = [ColumnMapping(legacy: "total", new: "total", type: .decimal), ColumnMapping(legacy: "note", new: "note", normalize: [.trim])]
        #expect(RowComparer(mapping: plain).identicalImagesMatch)
        var zoned = plain
        zoned.columns.append(ColumnMapping(legacy: "at", new: "at", type: .timestamp, legacyTimezone: "Europe/Paris", newTimezone: "UTC"))
        #expect(!RowComparer(mapping: zoned).identicalImagesMatch)
        var rounded = plain
        rounded.columns[0].source = "price * quantity"
        #expect(!RowComparer(mapping: rounded).identicalImagesMatch)  // its rows feed rounding evidence
    }

    @Test func identicalRowsHaveNoFindings() {
        let legacy: RowImage = ["inv_no": "1017", "status": "O ", "total": "10.50", "notes": nil]
        let new: RowImage = ["id": "1017", "state": "open", "total": "10.5", "memo": ""]
        #expect(RowComparer.compare(mapping: mapping, legacy: legacy, new: new).isEmpty)
    }

    @Test func oneFindingPerDifferingColumn() {
        let legacy: RowImage = ["inv_no": "1017", "status": "P", "total": "10.50", "notes": "late"]
        let new: RowImage = ["id": "1017", "state": "open", "total": "10.51", "memo": "late"]
        let findings = RowComparer.compare(mapping: mapping, legacy: legacy, new: new, cycle: "2026-11-20")
        #expect(findings == [
            Finding(mapping: "invoices", key: ["inv_no": "1017"], column: "status", newColumn: "state", kind: .valueMismatch,
                    legacy: "P", new: "open", cycle: "2026-11-20"),
            Finding(mapping: "invoices", key: ["inv_no": "1017"], column: "total", newColumn: "total", kind: .withinTolerance,
                    legacy: "10.50", new: "10.51", cycle: "2026-11-20"),
        ])
    }

    @Test func missingOnEachSide() {
        let legacy: RowImage = ["inv_no": "0042", "status": "O"]
        let new: RowImage = ["id": "43", "state": "open"]
        #expect(RowComparer.compare(mapping: mapping, legacy: legacy, new: nil) == [
            Finding(mapping: "invoices", key: ["inv_no": "0042"], kind: .missingInNew),
        ])
        #expect(RowComparer.compare(mapping: mapping, legacy: nil, new: new, cycle: "c1") == [
            Finding(mapping: "invoices", key: ["inv_no": "43"], kind: .missingInLegacy, cycle: "c1"),
        ])
        #expect(RowComparer.compare(mapping: mapping, legacy: nil, new: nil).isEmpty)
    }

    @Test func columnAbsentFromEitherImageIsSkippedNotNull() {
        let legacy: RowImage = ["inv_no": "1", "status": "O", "total": "1.00"]
        let new: RowImage = ["id": "1", "state": "open", "memo": "added later"]
        #expect(RowComparer.compare(mapping: mapping, legacy: legacy, new: new).isEmpty)
    }

    @Test func nullVersusValueIsAMismatch() {
        let legacy: RowImage = ["inv_no": "1", "status": nil]
        let new: RowImage = ["id": "1", "state": "open"]
        let findings = RowComparer.compare(mapping: mapping, legacy: legacy, new: new)
        #expect(findings.map(\.kind) == [.valueMismatch])
        #expect(findings.first?.legacy == nil && findings.first?.new == "open")
    }

    @Test func keysPairByTheirNormalizedValues() {
        let legacyKey = RowComparer.canonicalKey(mapping: mapping, side: .legacy, image: ["inv_no": " 0042 "])
        let newKey = RowComparer.canonicalKey(mapping: mapping, side: .new, image: ["id": "42"])
        #expect(legacyKey == ["42"])
        #expect(legacyKey == newKey)
        #expect(RowComparer.canonicalKey(mapping: mapping, values: [nil]) == [nil])
    }

    @Test func compositeKeysKeepLegacyColumnNames() {
        let composite = TableMapping(
            name: "lines", legacy: QualifiedName(name: "inv_lines"), new: QualifiedName(name: "invoice_line"),
            key: KeyMapping(legacy: ["inv_no", "line_no"], new: ["invoice_id", "position"])
        )
        let findings = RowComparer.compare(mapping: composite, legacy: nil, new: ["invoice_id": "7", "position": "2"])
        #expect(findings.first?.key == ["inv_no": "7", "line_no": "2"])
        #expect(RowComparer.keyValues(mapping: composite, side: .new, image: ["invoice_id": "7"]) == ["7", nil])
    }
}
