import ParityConfig
import ParityModel
import Testing

@Suite struct QualifiedNameTests {
    @Test(arguments: [
        ("invoices", QualifiedName(schema: "public", name: "invoices")),
        ("billing.invoice", QualifiedName(schema: "billing", name: "invoice")),
        ("Billing.Invoice", QualifiedName(schema: "billing", name: "invoice")),
        (#""Sales"."Order Lines""#, QualifiedName(schema: "Sales", name: "Order Lines")),
        (#"sales."Order""Lines""#, QualifiedName(schema: "sales", name: "Order\"Lines")),
        (#""a.b".c"#, QualifiedName(schema: "a.b", name: "c")),
        ("  public.t_1$  ", QualifiedName(schema: "public", name: "t_1$")),
    ])
    func parses(text: String, expected: QualifiedName) throws {
        #expect(try QualifiedName(parsing: text) == expected)
    }

    @Test(arguments: ["", "a.b.c", "a.", ".a", "\"unterminated", "a b", "1abc", "\"\".x", "a-b"])
    func rejects(text: String) {
        #expect(throws: QualifiedName.ParseError.self) { try QualifiedName(parsing: text) }
    }

    @Test func descriptionQuotesOnlyWhenNeeded() {
        #expect(QualifiedName(schema: "public", name: "invoices").description == "public.invoices")
        #expect(QualifiedName(schema: "Sales", name: "Order \"Lines\"").description == #""Sales"."Order ""Lines""""#)
    }

    @Test func quotedNamesInConfig() throws {
        let configuration = try Fixtures.parse(Fixtures.sources + #"""
            tables:
              - name: lines
                legacy: '"Sales"."Order Lines"'
                new: "\"sales\".order_line"
                key: { legacy: [id], new: [id] }
            """#)
        let table = try #require(configuration.tables.first)
        #expect(table.legacy == QualifiedName(schema: "Sales", name: "Order Lines"))
        #expect(table.new == QualifiedName(schema: "sales", name: "order_line"))
    }
}
