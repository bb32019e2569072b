import Foundation
import ParityModel
import Testing

/// Canonical keys are equal, hashed and ordered by their bytes, as the store keeps them.
@Suite struct CanonicalKeyTests {
    /// A decomposed é (65 CC 81) and a precomposed one (C3 A9): equal Swift strings, two rows in the store.
    private let decomposed = CanonicalKey(#"["e\#u{301}"]"#)
    private let composed = CanonicalKey(#"["\#u{E9}"]"#)

    @Test func canonicallyEquivalentTextsAreTwoKeys() {
        #expect(decomposed.rawValue == composed.rawValue, "Swift equates the texts")
        #expect(decomposed != composed)
        #expect(Set([decomposed, composed, decomposed]).count == 2)
        #expect([decomposed: 1, composed: 2][composed] == 2)
    }

    @Test func equalBytesAreOneKey() {
        let key = CanonicalKey(#"["42","EU"]"#)
        #expect(key == CanonicalKey(String(#"["42","EU"]"#.utf8)))
        #expect(Set([key, CanonicalKey(#"["42","EU"]"#)]).count == 1)
    }

    @Test func keysSortInByteOrder() {
        let keys: [CanonicalKey] = [#"["b"]"#, #"["ab"]"#, #"["a"]"#, #"["Z"]"#, #"["€"]"#, composed, decomposed, #"["10"]"#, #"["9"]"#]
        #expect(keys.sorted().map(\.rawValue) == [
            #"["10"]"#, #"["9"]"#, #"["Z"]"#, #"["a"]"#, #"["ab"]"#, #"["b"]"#, decomposed.rawValue, composed.rawValue, #"["€"]"#,
        ])
        #expect(CanonicalKey.first(#"["b"]"#, #"["a"]"#) == #"["a"]"#)
        #expect(CanonicalKey.first(nil, #"["a"]"#) == #"["a"]"#)
        #expect(CanonicalKey.first(nil, nil) == nil)
    }

    @Test func exactTextsAreTheSame() {
        let decomposed = ExactText("e\u{301}"), composed = ExactText("\u{E9}")
        #expect(decomposed != composed && Set([decomposed, composed, decomposed]).count == 2)
        #expect([decomposed: 1, composed: 2][composed] == 2)
        #expect([composed, "f", decomposed, "e"].sorted() == ["e", decomposed, "f", composed], "byte order: C3 A9 after f")
        #expect(ExactText("a") == "a" && ExactText("a").description == "a")
    }

    @Test func aKeyIsCodedAsItsText() throws {
        #expect(String(decoding: try JSONEncoder().encode([composed]), as: UTF8.self) == #"["[\"\#u{E9}\"]"]"#)
        #expect(try JSONDecoder().decode([CanonicalKey].self, from: JSONEncoder().encode([decomposed])) == [decomposed])
    }
}
