import ParityConfig
import Testing

@Suite struct EnvironmentSubstitutionTests {
    private func legacyDSN(_ written: String, _ environment: [String: String]) throws -> String {
        let yaml = """
            sources:
              legacy: { dsn: "\(written)" }
              new: { dsn: "host=b" }
            """
        return try Fixtures.parse(yaml, environment: environment).sources.legacy.dsn
    }

    @Test func wholeValue() throws {
        #expect(try legacyDSN("${DSN}", ["DSN": "host=x"]) == "host=x")
    }

    @Test func embeddedAndRepeated() throws {
        #expect(try legacyDSN("host=${HOST} port=${PORT} user=${HOST}", ["HOST": "db", "PORT": "5433"])
            == "host=db port=5433 user=db")
    }

    @Test func defaultWhenUnsetOrEmpty() throws {
        #expect(try legacyDSN("${DSN:-host=fallback}", [:]) == "host=fallback")
        #expect(try legacyDSN("${DSN:-host=fallback}", ["DSN": ""]) == "host=fallback")
        #expect(try legacyDSN("${DSN:-host=fallback}", ["DSN": "host=set"]) == "host=set")
    }

    @Test func literalDollarsStay() throws {
        #expect(try legacyDSN("password=pa$$word $${HOME}", [:]) == "password=pa$$word ${HOME}")
    }

    @Test func substitutionAppliesToEveryScalar() throws {
        let yaml = Fixtures.sources + """
            cycle: { timezone: "${TZ_NAME}", period: "${PERIOD:-1h}" }
            gate: { cycles: "${GATE_CYCLES}" }
            """
        let configuration = try Fixtures.parse(yaml, environment: ["TZ_NAME": "Europe/Paris", "GATE_CYCLES": "7"])
        #expect(configuration.cycle.timezone == "Europe/Paris")
        #expect(configuration.cycle.period == .seconds(3_600))
        #expect(configuration.gate.cycles == 7)
    }

    @Test func unsetVariableIsAnIssueAtItsKeyPath() {
        let issues = Fixtures.issues("""
            sources:
              legacy: { dsn: "${PARITY_LEGACY_DSN}" }
              new: { dsn: "host=b", application_name: "${APP_NAME}" }
            """, environment: [:])
        #expect(issues.map(\.description) == [
            "parity.yaml:2:18: sources.legacy.dsn: environment variable PARITY_LEGACY_DSN is not set; export it or write the value",
            "parity.yaml:3:43: sources.new.application_name: environment variable APP_NAME is not set; export it or write the value",
        ])
    }

    @Test func malformedReference() {
        let issues = Fixtures.issues(Fixtures.sources + "store: { path: \"${UNCLOSED\" }\n")
        #expect(issues.count == 1)
        #expect(issues.first?.path == "store.path")
        #expect(issues.first?.problem == "has a malformed ${…} reference")
    }
}
