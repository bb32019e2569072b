import ParityConfig
import ParityModel
import Reconciliation
import Testing

/// A new row read in legacy terms: names through the mapping, values back through the value map, byte for byte.
@Suite("New rows in legacy names")
struct LegacyNamedImageTests {
    static let mapping = TableMapping(
        name: "orders", legacy: QualifiedName(schema: "public", name: "orders"), new: QualifiedName(schema: "sales", name: "order"),
        key: KeyMapping(legacy: ["order_no"], new: ["id"]),
        columns: [ColumnMapping(legacy: "status", new: "state", map: ["O": "open", "B": "open", "C": "caf\u{E9}"])])

    @Test("keys and columns take their legacy names; a value maps back to the smallest legacy value naming the same bytes")
    func view() {
        let open = LegacyNamedImage.view(of: ["id": "7", "state": "open", "memo": "m"], mapping: Self.mapping)
        #expect(open == ["id": "7", "order_no": "7", "status": "B", "state": "open", "memo": "m"], "the new names stay beside")
        let precomposed = LegacyNamedImage.view(of: ["id": "8", "state": "caf\u{E9}"], mapping: Self.mapping)
        #expect(precomposed["status"] == "C")
        let decomposed = LegacyNamedImage.view(of: ["id": "9", "state": "cafe\u{301}"], mapping: Self.mapping)
        #expect((decomposed["status"] ?? nil).map { Array($0.unicodeScalars) } == Array("cafe\u{301}".unicodeScalars), "not the map's é")
    }
}
