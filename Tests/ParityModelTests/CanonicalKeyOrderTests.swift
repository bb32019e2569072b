import ParityModel
import Testing

/// Canonical keys sort as SQLite's BINARY collation sorts text: by UTF-8 bytes, not by Swift's Unicode-aware `String`
/// comparison.
@Suite struct CanonicalKeyOrderTests {
    @Test func bytesDecideTheOrder() {
        #expect(CanonicalKeyOrder.precedes(#"["10"]"#, #"["9"]"#))
        #expect(CanonicalKeyOrder.precedes(#"["a"]"#, #"["ab"]"#))
        #expect(!CanonicalKeyOrder.precedes(#"["ab"]"#, #"["a"]"#))
        #expect(CanonicalKeyOrder.precedes("Z", "a"))
        #expect(CanonicalKeyOrder.precedes("z", "\u{e9}"))
        #expect(!CanonicalKeyOrder.precedes("", ""))
        #expect(CanonicalKeyOrder.precedes("", "a"))
    }

    @Test func aPrefixComesBeforeTheLongerKey() {
        #expect(CanonicalKeyOrder.precedes("ab", "abc"))
        #expect(CanonicalKeyOrder.compare("abc", "ab") > 0)
        // Bytes above 0x7F compare unsigned: every multi-byte character after every ASCII one.
        #expect(CanonicalKeyOrder.precedes("a\u{7F}", "a\u{80}"))
        #expect(CanonicalKeyOrder.precedes("\u{FFFF}", "\u{1F600}"))
    }

    @Test func equalMeansTheSameBytes() {
        #expect(CanonicalKeyOrder.equal(#"["1017"]"#, #"["1017"]"#))
        #expect(!CanonicalKeyOrder.equal(#"["1017"]"#, #"["1018"]"#))
        #expect(!CanonicalKeyOrder.equal("a", "ab"))
        // Swift's == treats a decomposed é as equal to the precomposed one; the store does not.
        #expect("e\u{301}" == "\u{e9}")
        #expect(!CanonicalKeyOrder.equal("e\u{301}", "\u{e9}"))
        #expect(CanonicalKeyOrder.compare("e\u{301}", "\u{e9}") < 0)
    }
}
