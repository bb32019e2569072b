import ParityConfig
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
        let results = Preflight.expressionChecks(configuration)
        #expect(results.map(\.name) == ["source_expression", "aggregate_filter"])
        #expect(results.allSatisfy { $0.outcome == .fail && $0.blocks == .configuration })
        #expect(results[0].detail.hasPrefix("tables[0].columns[1].source \"qty * * rate\": "))
        #expect(results[1].detail.hasPrefix("aggregates[1].filter \"status <>\": "))
        #expect(checkExitCode(results) == 2)
    }
}
