import ParityConfig
import ParityModel
import Reconciliation
import Testing

@Suite("Cutover scope: which keys a mapping compares")
struct ScopePredicateTests {
    private static let mapping = TableMapping(
        name: "orders", legacy: try! QualifiedName(parsing: "public.orders"), new: try! QualifiedName(parsing: "sales.orders"),
        key: KeyMapping(legacy: ["order_no"], new: ["id"]), columns: [ColumnMapping(legacy: "customer_id", new: "customer")])

    @Test("% is an integer remainder with the dividend's sign, unknown for a fraction; a bad modulus is refused")
    func remainder() throws {
        #expect(try RowFilter(parsing: "tenant_id % 100 < 5").accepts(["tenant_id": "1204"]))
        #expect(try !RowFilter(parsing: "tenant_id % 100 < 5").accepts(["tenant_id": "1205"]))
        #expect(try RowFilter(parsing: "tenant_id % 100 = -7").accepts(["tenant_id": "-107"]))
        #expect(try RowFilter(parsing: "tenant_id % 10 in (1, 3)").accepts(["tenant_id": "13"]))
        #expect(try !RowFilter(parsing: "tenant_id % 10 < 5").accepts(["tenant_id": "1.5"]))
        #expect(try !RowFilter(parsing: "not tenant_id % 10 < 5").accepts(["tenant_id": nil]))
        for text in ["a % 0 = 1", "a % 2.5 = 1", "a % b = 1", "a % 2 is null"] {
            #expect(throws: RowFilterError.self, "\(text)") { try RowFilter(parsing: text) }
        }
    }

    @Test("one filter reads the new row through the mapping; a key is in scope when either side's row is")
    func oneFilter() throws {
        let scope = try ScopePredicate(.filter("customer_id % 100 < 5"), mapping: Self.mapping)
        #expect(scope.contains(legacy: ["order_no": "1", "customer_id": "3"], new: nil))
        #expect(scope.contains(legacy: nil, new: ["id": "1", "customer": "104"]))
        #expect(!scope.contains(legacy: ["order_no": "1", "customer_id": "7"], new: ["id": "1", "customer": "7"]))
        #expect(scope.contains(legacy: ["order_no": "1", "customer_id": "7"], new: ["id": "1", "customer": "2"]))
        #expect(!scope.contains(legacy: nil, new: nil))
    }

    @Test("a filter per side reads each row in its own names; a key table lists a legacy column's values")
    func perSideAndKeys() throws {
        let sides = try ScopePredicate(.perSide(legacy: "customer_id < 5", new: "customer < 5"), mapping: Self.mapping)
        #expect(sides.contains(legacy: nil, new: ["id": "1", "customer": "4"]))
        #expect(!sides.contains(legacy: ["order_no": "1", "customer_id": "9"], new: nil))
        let table = ScopeKeyTable(table: try QualifiedName(parsing: "public.migrated"), column: "customer_id")
        let keys = try ScopePredicate(.keyTable(table), mapping: Self.mapping, keys: ["7", "9"])
        #expect(keys.contains(legacy: ["order_no": "1", "customer_id": "7"], new: nil))
        #expect(keys.contains(legacy: nil, new: ["id": "1", "customer": "9"]))
        #expect(!keys.contains(legacy: ["order_no": "1", "customer_id": "8"], new: ["id": "1", "customer": nil]))
        #expect(throws: RowFilterError.self) { try ScopePredicate(.filter("customer_id <"), mapping: Self.mapping) }
    }

    @Test("a key table's values match byte for byte: a decomposed é is not the precomposed one it lists")
    func listedValuesAreExact() throws {
        let table = ScopeKeyTable(table: try QualifiedName(parsing: "public.migrated"), column: "customer_id")
        let precomposed = "caf\u{E9}", decomposed = "cafe\u{301}"
        #expect(precomposed == decomposed, "Swift's String equates them; the source's database does not")
        let keys = try ScopePredicate(.keyTable(table), mapping: Self.mapping, keys: [ExactText(precomposed)])
        #expect(keys.contains(legacy: ["order_no": "1", "customer_id": .some(precomposed)], new: nil))
        #expect(!keys.contains(legacy: ["order_no": "2", "customer_id": .some(decomposed)], new: ["id": "2", "customer": .some(decomposed)]))
        #expect(Set([ExactText(precomposed), ExactText(decomposed)]).count == 2)
        #expect((ExactText(precomposed) < ExactText(decomposed)) == CanonicalKeyOrder.precedes(precomposed, decomposed))
    }

    @Test("shares have six decimals and show as percentages; an empty table is wholly in scope")
    func shares() {
        let line = EndOfDayReport.ScopeLine(definition: "a < 1", rows: 200, inScope: 3, outOfScope: 1, listedKeys: nil, comparedAll: false, history: [])
        #expect(line.share == "0.015000" && EndOfDayReport.ScopeLine.percent(line.share) == "1.5%")
        #expect(EndOfDayReport.ScopeLine(definition: nil, rows: 0, inScope: 0, outOfScope: 0, listedKeys: nil, comparedAll: true, history: []).share
                == "1.000000")
        #expect(EndOfDayReport.ScopeLine.percent("1.000000") == "100.0%")
    }
}
