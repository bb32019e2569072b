import ParityConfig
import Testing

@Suite struct SecretTests {
    static let secret = "password=Sup3rS3cret!"

    /// Configurations in which a secret value is wrong in some way.
    static let yamls: [String] = [
        "sources:\n  legacy: { dsn: [\"\(secret)\"] }\n  new: { dsn: \"host=b\" }\n",
        "sources:\n  legacy: { dsn: { \"\(secret)\": 1 } }\n  new: { dsn: \"host=b\" }\n",
        "sources:\n  legacy: { dsn: \"host=a\", password_file: [\"\(secret)\"] }\n  new: { dsn: \"host=b\" }\n",
        "sources:\n  legacy: { dsn: \"\(secret) ${UNCLOSED\" }\n  new: { dsn: \"host=b\" }\n",
        "sources:\n  legacy: { dsn: \"host=a\" }\n  new: { dsn: \"host=b\" }\nhttp: { listen: \"0.0.0.0:1\", token: [\"\(secret)\"] }\n",
        "sources:\n  legacy: { dsn: \"\(secret)\", dns: x }\n  new: { dsn: \"\(secret)\", slot: parity_legacy, publication: \"Bad Name\" }\n",
    ]

    @Test(arguments: yamls)
    func secretValuesNeverAppearInMessages(_ yaml: String) {
        let issues = Fixtures.issues(yaml)
        #expect(!issues.isEmpty)
        for issue in issues {
            #expect(!issue.description.contains("S3cret"), "\(issue.description)")
        }
    }

    @Test func environmentDSNNeverAppears() {
        let yaml = """
            sources:
              legacy: { dsn: "${PARITY_LEGACY_DSN}", slot: "UPPER" }
              new: { dsn: "${PARITY_LEGACY_DSN}" }
            tables: { name: x }
            """
        let error = ConfigurationError(issues: Fixtures.issues(yaml))
        #expect(!error.issues.isEmpty)
        #expect(!error.description.contains("S3cret"))
        #expect(!error.description.contains(Fixtures.legacyDSN))
    }

    @Test func wrongKindOfSecretDescribesTheKindOnly() {
        let issues = Fixtures.issues("sources:\n  legacy: { dsn: \"host=a\" }\n  new: { dsn: \"host=b\" }\nhttp: { token: { a: b } }\n")
        #expect(issues.first?.problem == "expected a single value, found a mapping")
    }
}
