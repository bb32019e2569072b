import ParityConfig
import Testing

/// One invalid configuration and the issue it must produce.
struct BadConfig: Sendable, CustomTestStringConvertible {
    let name: String
    let yaml: String
    let path: String
    let line: Int
    let problem: String
    var fix: String?

    var testDescription: String { name }
}

@Suite struct BadConfigTests {
    static let cases: [BadConfig] = [
        BadConfig(name: "unknown top-level key suggests the right one",
                  yaml: Fixtures.sources + "tabels: []\n",
                  path: "tabels", line: 4, problem: "unknown key 'tabels'", fix: "did you mean 'tables'?"),
        BadConfig(name: "missing dsn",
                  yaml: """
                      sources:
                        legacy: { slot: legacy_slot }
                        new: { dsn: "host=b" }
                      """,
                  path: "sources.legacy.dsn", line: 2, problem: "required key 'dsn' is missing"),
        BadConfig(name: "missing sources",
                  yaml: "store: { path: x.sqlite }\n",
                  path: "sources", line: 1, problem: "required key 'sources' is missing"),
        BadConfig(name: "invalid slot name",
                  yaml: """
                      sources:
                        legacy: { dsn: "host=a", slot: Parity-Legacy }
                        new: { dsn: "host=b" }
                      """,
                  path: "sources.legacy.slot", line: 2, problem: "\"Parity-Legacy\" is not a valid name"),
        BadConfig(name: "legacy and new share a slot",
                  yaml: """
                      sources:
                        legacy: { dsn: "host=a" }
                        new:
                          dsn: "host=b"
                          slot: parity_legacy
                      """,
                  path: "sources.new.slot", line: 5, problem: "slot \"parity_legacy\" is also the legacy slot"),
        BadConfig(name: "bad duration",
                  yaml: Fixtures.sources + "cycle:\n  period: 1x\n",
                  path: "cycle.period", line: 5, problem: "\"1x\" is not a duration"),
        BadConfig(name: "a duration past ten years (it used to crash close --force)",
                  yaml: Fixtures.sources + "cycle:\n  period: 100000000000d\n",
                  path: "cycle.period", line: 5, problem: "100000000000d is longer than the maximum 3660d", fix: "write at most \"3660d\""),
        BadConfig(name: "a count past any sensible window",
                  yaml: Fixtures.sources + "gate:\n  cycles: 1000000000000\n",
                  path: "gate.cycles", line: 5, problem: "1000000000000 is out of range", fix: "write a whole number between 1 and 10000"),
        BadConfig(name: "an abbreviated time zone",
                  yaml: Fixtures.sources + "cycle:\n  period: 1d\n  timezone: EST\n",
                  path: "cycle.timezone", line: 6, problem: "\"EST\" is an abbreviation, not a region: it is ambiguous or ignores daylight saving",
                  fix: "write a region such as \"America/New_York\", or \"UTC\""),
        BadConfig(name: "the same legacy table mapped twice",
                  yaml: Fixtures.sourcesAndTable.replacingOccurrences(of: "\n\n", with: "\n") + """
                        - name: invoices_again
                          legacy: public.invoices
                          new: billing.invoice_copy
                          key: { legacy: [inv_no], new: [id] }
                          columns: [{ legacy: status, new: state }]

                      """,
                  path: "tables[1].legacy", line: 13, problem: "legacy table public.invoices is already mapped by tables[0]",
                  fix: "map each table once; add its columns to that mapping"),
        BadConfig(name: "a heartbeat below a second",
                  yaml: """
                      sources:
                        legacy: { dsn: "host=a", heartbeat: 10ms }
                        new: { dsn: "host=b" }
                      """,
                  path: "sources.legacy.heartbeat", line: 2, problem: "10ms is shorter than the minimum 1s"),
        BadConfig(name: "bad cutoff",
                  yaml: Fixtures.sources + "cycle:\n  cutoff: \"25:00\"\n",
                  path: "cycle.cutoff", line: 5, problem: "\"25:00\" is not a time of day"),
        BadConfig(name: "unknown time zone",
                  yaml: Fixtures.sources + "cycle:\n  period: 1d\n  timezone: Mars/Olympus\n",
                  path: "cycle.timezone", line: 6, problem: "\"Mars/Olympus\" is not a known time zone"),
        BadConfig(name: "grace not shorter than period",
                  yaml: Fixtures.sources + "cycle: { period: 1h, grace: 1h }\n",
                  path: "cycle.grace", line: 4, problem: "1h is not shorter than the cycle period 1h"),
        BadConfig(name: "tables must be a list",
                  yaml: Fixtures.sources + "tables:\n  name: invoices\n",
                  path: "tables", line: 5, problem: "expected a list, found a mapping"),
        BadConfig(name: "tolerance is not a decimal",
                  yaml: Fixtures.sourcesAndTable.replacingOccurrences(of: "scale: 2 }", with: "scale: 2, tolerance: abc }"),
                  path: "tables[0].columns[1].tolerance", line: 11, problem: "\"abc\" is not a decimal",
                  fix: "write a decimal string such as \"0.01\""),
        BadConfig(name: "relative tolerance is not a percentage",
                  yaml: Fixtures.sourcesAndTable.replacingOccurrences(of: "scale: 2 }", with: "scale: 2, tolerance: \"half%\" }"),
                  path: "tables[0].columns[1].tolerance", line: 11, problem: "\"half%\" is not a relative tolerance",
                  fix: "write a percentage between 0% and 100% such as \"0.5%\", or an absolute amount such as \"0.01\""),
        BadConfig(name: "relative tolerance over 100%",
                  yaml: Fixtures.sourcesAndTable.replacingOccurrences(of: "scale: 2 }", with: "scale: 2, tolerance: \"150%\" }"),
                  path: "tables[0].columns[1].tolerance", line: 11, problem: "\"150%\" is not a relative tolerance"),
        BadConfig(name: "relative tolerance on a timestamp column",
                  yaml: Fixtures.sourcesAndTable.replacingOccurrences(of: "scale: 2 }", with: "scale: 2 }\n      - { legacy: at, new: at, type: timestamp, tolerance: \"1%\" }"),
                  path: "tables[0].columns[2].tolerance", line: 12, problem: "\"1%\" is not a duration"),
        BadConfig(name: "tolerance on a text column",
                  yaml: Fixtures.sourcesAndTable.replacingOccurrences(of: "new: state }", with: "new: state, tolerance: \"1\" }"),
                  path: "tables[0].columns[0].tolerance", line: 10, problem: "does not apply to a text column"),
        BadConfig(name: "scale on an integer column",
                  yaml: Fixtures.sourcesAndTable.replacingOccurrences(of: "type: decimal", with: "type: integer"),
                  path: "tables[0].columns[1].scale", line: 11, problem: "does not apply to an integer column"),
        BadConfig(name: "time zone on a date column",
                  yaml: Fixtures.sourcesAndTable.replacingOccurrences(
                      of: "new: state }", with: "new: state, type: date, legacy_timezone: UTC }"),
                  path: "tables[0].columns[0].legacy_timezone", line: 10, problem: "does not apply to a date column"),
        BadConfig(name: "source expression on a text column",
                  yaml: Fixtures.sourcesAndTable.replacingOccurrences(of: "new: state }", with: "new: state, source: \"a * b\" }"),
                  path: "tables[0].columns[0].source", line: 10, problem: "does not apply to a text column"),
        BadConfig(name: "line items keyed by more columns than the header's key",
                  yaml: Fixtures.sourcesAndTable + "    line_items: { table: lines, key: [inv_no, x], amount: amount, total: total }\n",
                  path: "tables[0].line_items.key", line: 12, problem: "has 2 column(s) but key.legacy has 1"),
        BadConfig(name: "line items without their amount column",
                  yaml: Fixtures.sourcesAndTable + "    line_items: { table: lines, key: [inv_no], total: total }\n",
                  path: "tables[0].line_items.amount", line: 12, problem: "required key 'amount' is missing"),
        BadConfig(name: "misspelled column type",
                  yaml: Fixtures.sourcesAndTable.replacingOccurrences(of: "type: decimal", with: "type: decimel"),
                  path: "tables[0].columns[1].type", line: 11, problem: "\"decimel\" is not a column type",
                  fix: "did you mean 'decimal'?"),
        BadConfig(name: "unknown column normalizer",
                  yaml: Fixtures.sourcesAndTable.replacingOccurrences(of: "new: state }", with: "new: state, normalize: [squash] }"),
                  path: "tables[0].columns[0].normalize[0]", line: 10, problem: "\"squash\" is not a column normalizer"),
        BadConfig(name: "misspelled column key",
                  yaml: Fixtures.sourcesAndTable.replacingOccurrences(of: "new: state }", with: "new: state, normalise: [trim] }"),
                  path: "tables[0].columns[0].normalise", line: 10, problem: "unknown key 'normalise'",
                  fix: "did you mean 'normalize'?"),
        BadConfig(name: "column without a new name",
                  yaml: Fixtures.sourcesAndTable.replacingOccurrences(of: "{ legacy: status, new: state }", with: "{ legacy: status }"),
                  path: "tables[0].columns[0].new", line: 10, problem: "required key 'new' is missing"),
        BadConfig(name: "key sides of different length",
                  yaml: Fixtures.sourcesAndTable.replacingOccurrences(of: "new: [id] }", with: "new: [id, year] }"),
                  path: "tables[0].key.new", line: 8, problem: "has 2 column(s) but key.legacy has 1"),
        BadConfig(name: "missing key",
                  yaml: Fixtures.sourcesAndTable.replacingOccurrences(of: "    key: { legacy: [inv_no], new: [id] }\n", with: ""),
                  path: "tables[0].key", line: 5, problem: "required key 'key' is missing"),
        BadConfig(name: "empty key list",
                  yaml: Fixtures.sourcesAndTable.replacingOccurrences(of: "legacy: [inv_no]", with: "legacy: []"),
                  path: "tables[0].key.legacy", line: 8, problem: "is empty"),
        BadConfig(name: "column both mapped and ignored",
                  yaml: Fixtures.sourcesAndTable + "    ignore: { legacy: [status] }\n",
                  path: "tables[0].ignore.legacy[0]", line: 12, problem: "\"status\" is also mapped by columns[0]"),
        BadConfig(name: "key column ignored",
                  yaml: Fixtures.sourcesAndTable + "    ignore: { new: [id] }\n",
                  path: "tables[0].ignore.new[0]", line: 12, problem: "\"id\" is a key column"),
        BadConfig(name: "legacy column mapped twice",
                  yaml: Fixtures.sourcesAndTable + "      - { legacy: status, new: status_code }\n",
                  path: "tables[0].columns[2].legacy", line: 12, problem: "\"status\" is already mapped by columns[0]"),
        BadConfig(name: "duplicate table mapping name",
                  yaml: Fixtures.sourcesAndTable + """
                        - name: invoices
                          legacy: public.invoices_archive
                          new: billing.invoice_archive
                          key: { legacy: [inv_no], new: [id] }
                      """,
                  path: "tables[1].name", line: 12, problem: "\"invoices\" is already the name of tables[0]"),
        BadConfig(name: "table name with a space",
                  yaml: Fixtures.sourcesAndTable.replacingOccurrences(of: "legacy: public.invoices", with: "legacy: public.in voices"),
                  path: "tables[0].legacy", line: 6,
                  problem: "\"public.in voices\" is not a table name: it has an unexpected ' ' at position 10"),
        BadConfig(name: "aggregate on an unknown table",
                  yaml: Fixtures.sourcesAndTable + "aggregates:\n  - { name: totals, table: invoice, measure: { sum: total } }\n",
                  path: "aggregates[0].table", line: 13, problem: "\"invoice\" is not the name of a table mapping",
                  fix: "did you mean 'invoices'?"),
        BadConfig(name: "flow aggregate without date",
                  yaml: Fixtures.sourcesAndTable + "aggregates:\n  - { name: totals, table: invoices, measure: { sum: total }, scope: flow }\n",
                  path: "aggregates[0].date", line: 13, problem: "required key 'date' is missing"),
        BadConfig(name: "measure with two functions",
                  yaml: Fixtures.sourcesAndTable + "aggregates:\n  - name: totals\n    table: invoices\n    measure: { sum: total, max: total }\n",
                  path: "aggregates[0].measure", line: 15, problem: "names 2 functions"),
        BadConfig(name: "measure on an unmapped column",
                  yaml: Fixtures.sourcesAndTable + "aggregates:\n  - name: totals\n    table: invoices\n    measure: { sum: totl }\n",
                  path: "aggregates[0].measure.sum", line: 15,
                  problem: "\"totl\" is not a key or mapped legacy column of table mapping 'invoices'",
                  fix: "did you mean 'total'?"),
        BadConfig(name: "summary group_by count differs",
                  yaml: Fixtures.sourcesAndTable + """
                      aggregates:
                        - name: totals
                          table: invoices
                          measure: { sum: total }
                          group_by: [status]
                          legacy_summary: { table: public.sums, group_by: [a, b], value: v }
                      """,
                  path: "aggregates[0].legacy_summary.group_by", line: 17,
                  problem: "lists 2 column(s) but the aggregate's group_by lists 1"),
        BadConfig(name: "unknown hidden-state kind",
                  yaml: Fixtures.sources + "hidden_state:\n  documented:\n    - { kind: triger, name: t, disposition: retired }\n",
                  path: "hidden_state.documented[0].kind", line: 6, problem: "\"triger\" is not a hidden-state kind",
                  fix: "did you mean 'trigger'?"),
        BadConfig(name: "disposition pattern that does not compile",
                  yaml: Fixtures.sourcesAndTable + """
                      dispositions:
                        - table: invoices
                          kind: value_mismatch
                          pattern: "([a-z"
                          disposition: legacy_bug
                      """,
                  path: "dispositions[0].pattern", line: 15, problem: "\"([a-z\" is not a valid regular expression"),
        BadConfig(name: "disposition on an unmapped column",
                  yaml: Fixtures.sourcesAndTable + """
                      dispositions:
                        - { table: invoices, column: statu, kind: value_mismatch, disposition: match }
                      """,
                  path: "dispositions[0].column", line: 13,
                  problem: "\"statu\" is not a mapped column of table mapping 'invoices'", fix: "did you mean 'status'?"),
        BadConfig(name: "unknown disposition",
                  yaml: Fixtures.sourcesAndTable + """
                      dispositions:
                        - { table: invoices, kind: rounding, disposition: intentional }
                      """,
                  path: "dispositions[0].disposition", line: 13, problem: "\"intentional\" is not a disposition",
                  fix: "write one of: match, intentional_change, legacy_bug"),
        BadConfig(name: "unexplained rate above one",
                  yaml: Fixtures.sources + "gate:\n  max_unexplained_rate: \"1.5\"\n",
                  path: "gate.max_unexplained_rate", line: 5, problem: "\"1.5\" is out of range"),
        BadConfig(name: "zero gate cycles",
                  yaml: Fixtures.sources + "gate:\n  cycles: 0\n",
                  path: "gate.cycles", line: 5, problem: "0 is out of range", fix: "write a whole number between 1 and 10000"),
        BadConfig(name: "remote listen without token",
                  yaml: Fixtures.sources + "http:\n  listen: \"0.0.0.0:9187\"\n",
                  path: "http.listen", line: 5, problem: "\"0.0.0.0:9187\" accepts remote connections but no token is set",
                  fix: "bind to 127.0.0.1 or set http.token"),
        BadConfig(name: "listen without port",
                  yaml: Fixtures.sources + "http:\n  listen: localhost\n",
                  path: "http.listen", line: 5, problem: "\"localhost\" is not host:port"),
        BadConfig(name: "store is a list",
                  yaml: Fixtures.sources + "store:\n  - a\n",
                  path: "store", line: 5, problem: "expected a mapping of keys to values, found a list"),
        BadConfig(name: "boolean that is not a boolean",
                  yaml: Fixtures.sourcesAndTable.replacingOccurrences(of: "new: state }", with: "new: state, pii: maybe }"),
                  path: "tables[0].columns[0].pii", line: 10, problem: "\"maybe\" is not a boolean"),
        BadConfig(name: "invalid YAML",
                  yaml: Fixtures.sources + "cycle:\n  period: [1d\n",
                  path: "", line: 6, problem: "invalid YAML"),
        BadConfig(name: "duplicate key",
                  yaml: Fixtures.sources + "cycle:\n  period: 1d\n  period: 2d\n",
                  path: "", line: 5, problem: "duplicate key 'period' in one mapping", fix: "keep one of them"),
    ]

    @Test(arguments: cases)
    func reportsPathAndLine(_ bad: BadConfig) {
        let issues = Fixtures.issues(bad.yaml)
        let issue = issues.first { $0.path == bad.path && $0.line == bad.line }
        #expect(issue != nil, "no issue at \(bad.path) line \(bad.line) among:\n\(issues.map(\.description).joined(separator: "\n"))")
        guard let issue else { return }
        #expect(issue.problem.hasPrefix(bad.problem), "\(issue.problem)")
        if let fix = bad.fix { #expect(issue.fix == fix) }
        let location = "parity.yaml:\(bad.line):"
        #expect(issue.description.hasPrefix(location))
        if !bad.path.isEmpty { #expect(issue.description.contains(": \(bad.path): ")) }
        #expect(issues.count == 1, "expected exactly one issue:\n\(issues.map(\.description).joined(separator: "\n"))")
    }

    @Test func renderingMatchesTheContract() {
        let yaml = Fixtures.sources + """
            tables:
              - name: invoices
                legacy: public.invoices
                new: billing.invoice
                key: { legacy: [id], new: [id] }
                columns:
                  - { legacy: a, new: a }
                  - { legacy: b, new: b }
                  - tolerance: "abc"
                    legacy: c
                    new: c
                    type: decimal
            """
        let issues = Fixtures.issues(yaml)
        #expect(issues.map(\.description) == [
            #"parity.yaml:12:20: tables[0].columns[2].tolerance: "abc" is not a decimal; write a decimal string such as "0.01""#,
        ])
    }

    @Test func emptyFile() {
        let issues = Fixtures.issues("# nothing here\n")
        #expect(issues.map(\.description) == ["parity.yaml: the file is empty; start from config/parity.example.yaml"])
    }

    @Test func rootMustBeAMapping() {
        let issues = Fixtures.issues("- a\n- b\n")
        #expect(issues.first?.line == 1)
        #expect(issues.first?.problem == "expected a mapping of keys to values, found a list")
    }
}
