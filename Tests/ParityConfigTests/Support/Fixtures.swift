import ParityConfig
import Testing

/// Shared YAML fixtures and helpers for configuration tests.
enum Fixtures {
    static let legacyDSN = "host=legacy.internal dbname=erp user=parity password=Sup3rS3cret!"

    static let environment = ["PARITY_LEGACY_DSN": legacyDSN]

    /// Lines 1–3: the smallest valid configuration.
    static let sources = """
        sources:
          legacy: { dsn: "host=a" }
          new: { dsn: "host=b" }

        """

    /// Lines 1–11: sources plus one table mapping; whatever is appended starts on line 12.
    static let sourcesAndTable = sources + """
        tables:
          - name: invoices
            legacy: public.invoices
            new: billing.invoice
            key: { legacy: [inv_no], new: [id] }
            columns:
              - { legacy: status, new: state }
              - { legacy: total, new: total, type: decimal, scale: 2 }

        """

    static func parse(_ yaml: String, environment: [String: String] = environment) throws(ConfigurationError) -> ParityConfiguration {
        try ParityConfiguration.parse(yaml: yaml, file: "parity.yaml", environment: environment)
    }

    /// The issues reported for `yaml`; records a test failure when it parses.
    static func issues(_ yaml: String, environment: [String: String] = environment) -> [ConfigurationIssue] {
        do {
            _ = try parse(yaml, environment: environment)
            Issue.record("expected configuration errors, but the YAML parsed")
            return []
        } catch {
            return error.issues
        }
    }

    /// Path of `config/parity.example.yaml` in the package, found from this file's location.
    static var examplePath: String {
        let here = #filePath
        let testsRoot = here.components(separatedBy: "/Tests/ParityConfigTests/").first ?? here
        return testsRoot + "/config/parity.example.yaml"
    }
}
