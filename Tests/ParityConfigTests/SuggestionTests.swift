import ParityConfig
import Testing

@Suite struct SuggestionTests {
    @Test(arguments: [
        ("sorces", "sources"),
        ("hidden-state", "hidden_state"),
        ("disposition", "dispositions"),
        ("HTTP", "http"),
        ("gaet", "gate"),
    ])
    func topLevelTypos(typo: String, suggestion: String) {
        let issues = Fixtures.issues(Fixtures.sources + "\(typo): {}\n")
        #expect(issues.count == 1)
        #expect(issues.first?.problem == "unknown key '\(typo)'")
        #expect(issues.first?.fix == "did you mean '\(suggestion)'?")
    }

    @Test func farOffKeyListsAllowedKeys() {
        let issues = Fixtures.issues(Fixtures.sources + "census: { frequency: 10s }\n")
        #expect(issues.first?.description == "parity.yaml:4:11: census.frequency: unknown key 'frequency'; allowed keys: interval")
    }

    @Test func enumValueSuggestion() {
        let issues = Fixtures.issues(Fixtures.sourcesAndTable + """
            aggregates:
              - { name: a, table: invoices, measure: { count: "*" }, scope: balanse }
            """)
        #expect(issues.first?.fix == "did you mean 'balance'?")
    }

    @Test func farOffEnumValueListsChoices() {
        let issues = Fixtures.issues(Fixtures.sourcesAndTable + """
            aggregates:
              - { name: a, table: invoices, measure: { count: "*" }, scope: everything }
            """)
        #expect(issues.first?.fix == "write one of: flow, balance")
    }
}
