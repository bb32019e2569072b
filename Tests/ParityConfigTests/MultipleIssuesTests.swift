import ParityConfig
import Testing

@Suite struct MultipleIssuesTests {
    @Test func everyProblemIsReportedInFileOrder() {
        let yaml = """
            sources:
              legacy: { dsn: "host=a", slot: "Bad Slot" }
              new: { dsn: "host=b", connect_timeout: soon }
            cycle: { period: 1d, cutof: "00:00", timezone: Nowhere/City }
            tables:
              - name: invoices
                legacy: public.invoices
                new: billing.invoice
                key: { legacy: [a, b], new: [id] }
                columns:
                  - { legacy: total, new: total, type: decimal, tolerance: "x" }
            gate: { cycles: -1, max_lag: forever }
            http: { listen: "10.0.0.1:80" }
            """
        let issues = Fixtures.issues(yaml)
        #expect(issues.map { "\($0.line ?? 0) \($0.path)" } == [
            "2 sources.legacy.slot",
            "3 sources.new.connect_timeout",
            "4 cycle.cutof",
            "4 cycle.timezone",
            "9 tables[0].key.new",
            "11 tables[0].columns[0].tolerance",
            "12 gate.cycles",
            "12 gate.max_lag",
            "13 http.listen",
        ])
        let error = ConfigurationError(issues: issues)
        #expect(error.description.split(separator: "\n").count == issues.count)
    }

    @Test func unrelatedSectionsStillCheckedWhenATableIsBroken() {
        let yaml = Fixtures.sources + """
            tables:
              - name: invoices
                legacy: public.invoices
                new: billing.invoice
            aggregates:
              - { name: totals, table: invoices, measure: { sum: total } }
              - { name: other, table: nope, measure: { sum: total } }
            """
        let issues = Fixtures.issues(yaml)
        #expect(issues.map(\.path) == ["tables[0].key", "aggregates[1].table"])
    }
}
