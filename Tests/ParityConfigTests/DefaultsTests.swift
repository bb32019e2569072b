import ParityConfig
import ParityModel
import Testing

@Suite struct DefaultsTests {
    @Test func minimalConfigurationGetsEveryDefault() throws {
        let configuration = try Fixtures.parse(Fixtures.sources)
        #expect(configuration.store.path == ".parity/parity.sqlite")
        let legacy = configuration.sources.legacy
        #expect(legacy.slot == "parity_legacy")
        #expect(legacy.publication == "parity_legacy")
        #expect(legacy.watchSchemas == ["public"])
        #expect(legacy.passwordFile == nil)
        #expect(legacy.connectTimeout == .seconds(10))
        #expect(legacy.statementTimeout == .seconds(300))
        #expect(legacy.applicationName == "parity")
        #expect(legacy.heartbeat == nil)
        let new = configuration.sources.new
        #expect(new.slot == "parity_new")
        #expect(new.publication == "parity_new")
        #expect(new.watchSchemas == [])
        #expect(configuration.cycle == CycleConfiguration(
            period: .seconds(86_400), cutoff: TimeOfDay(hour: 0, minute: 0), timezone: "UTC",
            settle: .seconds(300), grace: .seconds(120)
        ))
        #expect(configuration.tables.isEmpty)
        #expect(configuration.aggregates.isEmpty)
        #expect(configuration.hiddenState == HiddenStateConfiguration())
        #expect(configuration.dispositions.isEmpty)
        #expect(configuration.census.interval == .seconds(30))
        #expect(configuration.gate == GateConfiguration(
            cycles: 30, maxUnexplainedRate: "0", legacyQuietCycles: 0, maxLag: .seconds(300),
            allowedClients: [], staleAfterCycles: 30
        ))
        #expect(configuration.http.listen == ListenAddress(host: "127.0.0.1", port: 9187))
        #expect(configuration.http.token == nil)
        #expect(configuration.gate.maxOpenUnexplained == 0)
        #expect(configuration.verify == VerifyConfiguration(schedule: .weekly, maxAge: .seconds(8 * 86_400)))
    }

    @Test func verifyAndOpenDifferenceKeys() throws {
        let configuration = try Fixtures.parse(Fixtures.sources + """
            verify: { schedule: daily, max_age: 36h }
            gate: { max_open_unexplained: 3 }
            """)
        #expect(configuration.verify == VerifyConfiguration(schedule: .daily, maxAge: .seconds(36 * 3600)))
        #expect(configuration.gate.maxOpenUnexplained == 3)
        let issues = Fixtures.issues(Fixtures.sources + "verify: { schedule: hourly }\n")
        #expect(issues.count == 1 && issues.first?.description.contains("not a verify schedule") == true, "\(issues)")
    }

    @Test("a heartbeat is a duration per source, off by default and when written off")
    func heartbeat() throws {
        let configuration = try Fixtures.parse("""
            sources:
              legacy: { dsn: "host=a", heartbeat: 5m }
              new: { dsn: "host=b", heartbeat: "off" }
            """)
        #expect(configuration.sources.legacy.heartbeat == .seconds(300))
        #expect(configuration.sources.new.heartbeat == nil)
    }

    @Test func columnDefaultsAndQualifiedNameDefaultSchema() throws {
        let configuration = try Fixtures.parse(Fixtures.sources + """
            tables:
              - name: t
                legacy: invoices
                new: billing.invoice
                key: { legacy: [id], new: [id] }
                columns:
                  - { legacy: a, new: b }
            aggregates:
              - { name: n, table: t, measure: { count: "*" } }
            """)
        let table = try #require(configuration.tables.first)
        #expect(table.legacy == QualifiedName(schema: "public", name: "invoices"))
        #expect(table.ignore == IgnoredColumns())
        #expect(table.columns == [ColumnMapping(legacy: "a", new: "b")])
        #expect(table.columns[0].type == .text)
        #expect(table.columns[0].pii == false)
        let aggregate = try #require(configuration.aggregates.first)
        #expect(aggregate.scope == .balance)
        #expect(aggregate.tolerance == "0")
        #expect(aggregate.groupBy == [])
    }

    @Test func explicitNullMeansDefault() throws {
        let configuration = try Fixtures.parse(Fixtures.sources + """
            store:
              path: ~
            census:
            """)
        #expect(configuration.store.path == ".parity/parity.sqlite")
        #expect(configuration.census.interval == .seconds(30))
    }

    /// Sources and one table mapping `t`, up to its `columns:` key: a test's column lines follow.
    private static let tableUpToColumns = Fixtures.sources + """
        tables:
          - name: t
            legacy: a.t
            new: b.t
            key: { legacy: [id], new: [id] }
            columns:

        """

    @Test func typedColumnSettings() throws {
        let configuration = try Fixtures.parse(Self.tableUpToColumns + """
                  - { legacy: total, new: total, type: decimal, scale: 2, tolerance: "0.01", source: "qty * price" }
                  - { legacy: ts, new: ts, type: timestamp, tolerance: 2s, legacy_timezone: America/Vancouver }
                  - { legacy: code, new: code, map: { 1: one, O: open, "": none }, normalize: [trim, upper], pii: yes }
                  - { legacy: fee, new: fee, type: decimal, tolerance: "0.5%" }
            """)
        let columns = try #require(configuration.tables.first).columns
        #expect(columns[0].tolerance == .amount("0.01"))
        #expect(columns[0].scale == 2)
        #expect(columns[0].source == "qty * price")
        #expect(columns[1].tolerance == .duration(.seconds(2)))
        #expect(columns[1].legacyTimezone == "America/Vancouver")
        #expect(columns[2].map == ["1": "one", "O": "open", "": "none"])
        #expect(columns[2].normalize == [.trim, .upper])
        #expect(columns[3].tolerance == .percent("0.5"))
        #expect(columns[2].pii)
    }

    @Test("a value map's code is read as its bytes; YAML's reader refuses two codes that differ only by normalization")
    func valueMapCodesByBytes() throws {
        let configuration = try Fixtures.parse(Self.tableUpToColumns + """
                  - { legacy: code, new: code, map: { "e\\u0301": decomposed } }
            """)
        let map = try #require(configuration.tables.first?.columns.first).map
        #expect("\u{E9}" == "e\u{301}", "Swift's String equates the two codes")
        #expect(map[ExactText("e\u{301}")] == "decomposed" && map[ExactText("\u{E9}")] == nil)
        let both = Fixtures.issues(Self.tableUpToColumns + """
                  - { legacy: code, new: code, map: { "\\u00E9": composed, "e\\u0301": decomposed } }
            """)
        #expect(both.map(\.problem) == ["duplicate key '\u{E9}' in one mapping"], "\(both)")
        #expect(both.first?.fix.contains("differ only by Unicode normalization") == true, "\(both)")
    }

    @Test func ipv6ListenWithoutTokenIsLoopback() throws {
        let configuration = try Fixtures.parse(Fixtures.sources + """
            http: { listen: "[::1]:9000" }
            """)
        #expect(configuration.http.listen == ListenAddress(host: "::1", port: 9000))
        #expect(configuration.http.listen.description == "[::1]:9000")
    }

    @Test func remoteListenWithToken() throws {
        let configuration = try Fixtures.parse(Fixtures.sources + """
            http: { listen: "0.0.0.0:9187", token: "${TOKEN}" }
            """, environment: ["TOKEN": "abc"])
        #expect(configuration.http.listen.isLoopback == false)
        #expect(configuration.http.token == "abc")
    }
}
