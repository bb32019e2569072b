import Testing
@testable import ParityEngine

/// The close's merge join orders keys as SQLite's BINARY collation does: by UTF-8 bytes, not by Swift's
/// Unicode-aware `String` comparison.
@Suite struct KeyOrderTests {
    @Test func bytesDecideTheOrder() {
        #expect(KeyOrder.precedes(#"["10"]"#, #"["9"]"#))
        #expect(KeyOrder.precedes(#"["a"]"#, #"["ab"]"#))
        #expect(!KeyOrder.precedes(#"["ab"]"#, #"["a"]"#))
        #expect(KeyOrder.precedes("Z", "a"))
        #expect(KeyOrder.precedes("z", "\u{e9}"))
        #expect(!KeyOrder.precedes("", ""))
        #expect(KeyOrder.precedes("", "a"))
    }

    @Test func equalMeansTheSameBytes() {
        #expect(KeyOrder.equal(#"["1017"]"#, #"["1017"]"#))
        #expect(!KeyOrder.equal(#"["1017"]"#, #"["1018"]"#))
        #expect(!KeyOrder.equal("a", "ab"))
        // Swift's == treats a decomposed é as equal to the precomposed one; the store does not.
        #expect("e\u{301}" == "\u{e9}")
        #expect(!KeyOrder.equal("e\u{301}", "\u{e9}"))
    }

    @Test func firstIsTheSmallerOrTheOneGiven() {
        #expect(KeyOrder.first("b", "a") == "a")
        #expect(KeyOrder.first("a", nil) == "a")
        #expect(KeyOrder.first(nil, "b") == "b")
        #expect(KeyOrder.first(nil, nil) == nil)
    }
}
