import ParityConfig
import Testing

@Suite("aggregates[].unit: the group-by column holding the currency")
struct AggregateUnitTests {
    private static func yaml(_ aggregate: String) -> String {
        Fixtures.sources + """
            tables:
              - name: invoices
                legacy: public.invoices
                new: billing.invoice
                key: { legacy: [inv_no], new: [id] }
                columns:
                  - { legacy: status, new: state }
                  - { legacy: currency, new: ccy }
                  - { legacy: total, new: total, type: decimal, scale: 2 }
            aggregates:
              - { name: totals, table: invoices, measure: { sum: total }, \(aggregate) }
            """
    }

    @Test("a group-by column named currency is the unit by default; unit names another or none")
    func defaultsAndChoices() throws {
        #expect(try Fixtures.parse(Self.yaml("group_by: [status, currency]")).aggregates[0].unit == "currency")
        #expect(try Fixtures.parse(Self.yaml("group_by: [status]")).aggregates[0].unit == nil)
        #expect(try Fixtures.parse(Self.yaml("group_by: [status, currency], unit: none")).aggregates[0].unit == nil)
        #expect(try Fixtures.parse(Self.yaml("group_by: [status, currency], unit: status")).aggregates[0].unit == "status")
    }

    @Test("a unit that is not one of group_by is refused at its line")
    func notGrouped() {
        let issues = Fixtures.issues(Self.yaml("group_by: [status], unit: currency"))
        #expect(issues.count == 1 && issues.first?.path == "aggregates[0].unit", "\(issues)")
        #expect(issues.first?.problem == "\"currency\" is not one of group_by (status)")
    }
}
