import ParityConfig
import ParityModel
import Testing

@Suite("tables[].scope: the cutover slice a mapping compares")
struct CutoverScopeTests {
    private static func yaml(_ scope: String) -> String {
        Fixtures.sources + """
            tables:
              - name: orders
                legacy: public.orders
                new: sales.orders
                key: { legacy: [order_no], new: [id] }
                columns:
                  - { legacy: customer_id, new: customer }
                scope: \(scope)
            """
    }

    @Test("one filter, a filter per side, or a scope table (read from new by default, matching its own column)")
    func forms() throws {
        #expect(try Fixtures.parse(Self.yaml("\"customer_id % 100 < 5\"")).tables[0].scope == .filter("customer_id % 100 < 5"))
        #expect(try Fixtures.parse(Self.yaml("{ legacy: \"customer_id < 5\", new: \"customer < 5\" }")).tables[0].scope
                == .perSide(legacy: "customer_id < 5", new: "customer < 5"))
        let table = try Fixtures.parse(Self.yaml("{ table: public.migrated, column: customer_id }")).tables[0].scope
        guard case .keyTable(let keys) = table else {
            Issue.record("not a key table: \(String(describing: table))")
            return
        }
        #expect(keys.table.description == "public.migrated" && keys.column == "customer_id" && keys.source == .new && keys.match == "customer_id")
        let legacy = try Fixtures.parse(Self.yaml("{ table: public.migrated, column: id, source: legacy, match: customer_id }")).tables[0].scope
        #expect(legacy == .keyTable(ScopeKeyTable(table: try QualifiedName(parsing: "public.migrated"), column: "id", source: .legacy,
                                                   match: "customer_id")))
        #expect(legacy?.definition == "customer_id in legacy public.migrated.id")
    }

    @Test("half a per-side scope, filters beside a table, a table without its column and an unknown source are refused at their line")
    func refused() {
        let half = Fixtures.issues(Self.yaml("{ legacy: \"customer_id < 5\" }"))
        #expect(half.map(\.path) == ["tables[0].scope.new"], "\(half)")
        let mixed = Fixtures.issues(Self.yaml("{ table: public.migrated, column: id, legacy: \"a = 1\" }"))
        #expect(mixed.map(\.path) == ["tables[0].scope.legacy"], "\(mixed)")
        let column = Fixtures.issues(Self.yaml("{ table: public.migrated }"))
        #expect(column.map(\.path) == ["tables[0].scope.column"], "\(column)")
        let source = Fixtures.issues(Self.yaml("{ table: public.migrated, column: id, source: both }"))
        #expect(source.map(\.path) == ["tables[0].scope.source"], "\(source)")
        let stray = Fixtures.issues(Self.yaml("{ legacy: \"a = 1\", new: \"a = 1\", match: a }"))
        #expect(stray.map(\.path) == ["tables[0].scope.match"], "\(stray)")
    }
}
