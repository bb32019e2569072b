import ParityConfig
import Testing

@Suite struct AnchorTests {
    @Test func anchorsAliasesAndMergeKeys() throws {
        let configuration = try Fixtures.parse("""
            sources:
              legacy: &source { dsn: "host=a", connect_timeout: 3s }
              new:
                <<: *source
                dsn: "host=b"
            tables:
              - name: t
                legacy: a.t
                new: b.t
                key: &key { legacy: [id], new: [id] }
              - name: u
                legacy: a.u
                new: b.u
                key: *key
            """)
        #expect(configuration.sources.new.dsn == "host=b")
        #expect(configuration.sources.new.connectTimeout == .seconds(3))
        #expect(configuration.tables[1].key == configuration.tables[0].key)
    }
}
