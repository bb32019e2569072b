import ParityConfig
import ParityModel
import Reconciliation
import Testing

@Suite("parity check: source expressions and aggregate filters")
struct ExpressionChecksTests {
    @Test("an unparseable source or filter fails with its config path and blocks the configuration")
    func failures() {
        var configuration = PreflightTests.configuration([
            TableMapping(
                name: "orders", legacy: PreflightTests.orders, new: PreflightTests.order, key: KeyMapping(legacy: ["id"], new: ["order_id"]),
                columns: [
                    ColumnMapping(legacy: "amount", new: "total", type: .decimal, scale: 2, source: "qty * unit_price"),
                    ColumnMapping(legacy: "tax", new: "tax", type: .decimal, scale: 2, source: "qty * * rate"),
                ]),
        ])
        configuration.aggregates = [
            AggregateConfiguration(name: "ok", table: "orders", measure: .sum("amount"), filter: "amount > 0"),
            AggregateConfiguration(name: "bad", table: "orders", measure: .sum("amount"), filter: "status <>"),
        ]
        let results = Preflight.semanticChecks(configuration)
        #expect(results.map(\.name) == ["source_expression", "aggregate_filter"])
        #expect(results.allSatisfy { $0.outcome == .fail && $0.blocks == .configuration })
        #expect(results[0].detail.hasPrefix("tables[0].columns[1].source \"qty * * rate\": "))
        #expect(results[1].detail.hasPrefix("aggregates[1].filter \"status <>\": "))
        #expect(checkExitCode(results) == 2)
    }

    @Test("line_items must name a lines mapping, its decimal amount with a source, and the header's mapped total")
    func lineItems() {
        let lines = TableMapping(
            name: "lines", legacy: QualifiedName(name: "lines"), new: QualifiedName(name: "lines"), key: KeyMapping(legacy: ["id"], new: ["id"]),
            columns: [ColumnMapping(legacy: "amount", new: "amount", type: .decimal, scale: 2, source: "qty * price"),
                      ColumnMapping(legacy: "qty", new: "qty", type: .decimal)])
        func header(_ items: LineItems) -> TableMapping {
            TableMapping(
                name: "orders", legacy: PreflightTests.orders, new: PreflightTests.order, key: KeyMapping(legacy: ["id"], new: ["order_id"]),
                columns: [ColumnMapping(legacy: "total", new: "total", type: .decimal)], lineItems: items)
        }
        let good = PreflightTests.configuration([header(LineItems(mapping: "lines", key: ["order_id"], amount: "amount", total: "total")), lines])
        #expect(Preflight.semanticChecks(good).isEmpty)
        let cases: [(LineItems, String)] = [
            (LineItems(mapping: "nope", key: ["order_id"], amount: "amount", total: "total"), "table nope is not the name of a table mapping"),
            (LineItems(mapping: "lines", key: ["order_id"], amount: "qty", total: "total"), "amount qty is not a mapped decimal column with a source"),
            (LineItems(mapping: "lines", key: ["order_id"], amount: "amount", total: "sum"), "total sum is not a mapped column of orders"),
        ]
        for (items, problem) in cases {
            let results = Preflight.semanticChecks(PreflightTests.configuration([header(items), lines]))
            #expect(results.count == 1 && results[0].name == "line_items" && results[0].detail.contains(problem), "\(results)")
        }
    }
}
