import ParityConfig
import Testing

/// `store:` names the embedded SQLite file or a PostgreSQL database, never both; the URL is a secret like a dsn.
@Suite struct StoreConfigurationTests {
    @Test func sqliteByDefault() throws {
        let store = try Fixtures.parse(Fixtures.sources).store
        #expect(store.url == nil && store.path == StoreConfiguration.defaultPath && store.described == StoreConfiguration.defaultPath)
    }

    @Test func postgresByURL() throws {
        let store = try Fixtures.parse(Fixtures.sources + """
            store: { url: "postgres://parity:Sup3rS3cret!@db.internal/parity", password_file: /run/secrets/store }
            """).store
        #expect(store.url == "postgres://parity:Sup3rS3cret!@db.internal/parity")
        #expect(store.passwordFile == "/run/secrets/store")
        #expect(!store.described.contains("S3cret"))
    }

    @Test func pathAndURLTogetherAreRefused() {
        let issues = Fixtures.issues(Fixtures.sources + "store: { path: x.sqlite, url: \"postgres://parity:Sup3rS3cret!@db/parity\" }\n")
        #expect(issues.map(\.path) == ["store.url"])
        #expect(issues.allSatisfy { !$0.description.contains("S3cret") })
    }

    @Test func passwordFileNeedsURL() {
        #expect(Fixtures.issues(Fixtures.sources + "store: { password_file: /run/secrets/store }\n").map(\.path) == ["store.password_file"])
    }

    @Test func aURLOfTheWrongKindIsNeverQuoted() {
        let issues = Fixtures.issues(Fixtures.sources + "store: { url: [\"postgres://parity:Sup3rS3cret!@db/parity\"] }\n")
        #expect(!issues.isEmpty)
        #expect(issues.allSatisfy { !$0.description.contains("S3cret") })
    }
}
