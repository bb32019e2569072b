import ParityConfig
import ParityModel
import Testing

@Suite struct KeyNormalizerTests {
    private func normalizers(_ written: String) throws(ConfigurationError) -> [KeyNormalizer] {
        let configuration = try Fixtures.parse(Fixtures.sources + """
            tables:
              - name: t
                legacy: a.t
                new: b.t
                key: { legacy: [id], new: [id], normalize: \(written) }
            """)
        return configuration.tables.first?.key.normalize ?? []
    }

    @Test func everyForm() throws {
        #expect(try normalizers(#"[trim, upper, lower, strip_leading_zeros, { strip_prefix: "INV-" }, { zero_pad: 8 }]"#)
            == [.trim, .upper, .lower, .stripLeadingZeros, .stripPrefix("INV-"), .zeroPad(8)])
    }

    @Test func blockStyleMapItems() throws {
        let configuration = try Fixtures.parse(Fixtures.sources + """
            tables:
              - name: t
                legacy: a.t
                new: b.t
                key:
                  legacy: [id]
                  new: [id]
                  normalize:
                    - trim
                    - strip_prefix: "00"
            """)
        #expect(configuration.tables.first?.key.normalize == [.trim, .stripPrefix("00")])
    }

    @Test(arguments: [
        ("[strip_prefix]", "tables[0].key.normalize[0]", "\"strip_prefix\" needs a value"),
        ("[uper]", "tables[0].key.normalize[0]", "\"uper\" is not a key normalizer"),
        ("[{ zero_pad: 0 }]", "tables[0].key.normalize[0].zero_pad", "0 is out of range"),
        ("[{ zero_pad: 8, strip_prefix: X }]", "tables[0].key.normalize[0]", "names 2 normalizers in one item"),
        ("[{ pad: 8 }]", "tables[0].key.normalize[0].pad", "unknown key 'pad'"),
        ("[[trim]]", "tables[0].key.normalize[0]", "expected a normalizer name or a one-key mapping, found a list"),
    ])
    func invalid(written: String, path: String, problem: String) {
        do {
            _ = try normalizers(written)
            Issue.record("expected an error")
        } catch {
            #expect(error.issues.count == 1)
            #expect(error.issues.first?.path == path)
            #expect(error.issues.first?.problem == problem)
            #expect(error.issues.first?.line == 8)
        }
    }
}
