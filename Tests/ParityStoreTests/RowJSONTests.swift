import Foundation
import ParityStore
import ParityTestSupport
import Testing

@Suite("Row JSON: keys and images round-trip exactly")
struct RowJSONTests {
    /// Characters that stress escaping: quotes, backslashes, controls, multi-byte and astral scalars.
    static let alphabet: [Unicode.Scalar] = ["a", "Z", "0", " ", "\"", "\\", "/", "\n", "\r", "\t", "\u{01}", "\u{1F}", "\u{7F}",
                                             "é", "ß", "€", "中", "\u{1F600}", "\u{FEFF}", ":", ",", "{", "]", "n"]

    static func randomText(_ generator: inout SplitMix64) -> String? {
        if generator.next() % 7 == 0 { return nil }
        var text = String.UnicodeScalarView()
        for _ in 0..<(generator.next() % 12) { text.append(alphabet[Int(generator.next() % UInt64(alphabet.count))]) }
        return String(text)
    }

    @Test("10,000 random images and keys decode to what was encoded")
    func roundTrip() {
        var generator = SplitMix64(seed: 42)
        for _ in 0..<10_000 {
            var image: [String: String?] = [:]
            for _ in 0..<(generator.next() % 5) { image[Self.randomText(&generator) ?? "null"] = Self.randomText(&generator) }
            #expect(RowJSON.decodeImage(RowJSON.image(image)) == image)
            let key = (0..<(1 + generator.next() % 3)).map { _ in Self.randomText(&generator) }
            #expect(RowJSON.decodeKey(RowJSON.key(key)) == key)
        }
    }

    @Test("escapes the store never writes are still read as JSON defines them")
    func foreignEscapes() {
        let image: [String: String?] = ["a": "é/\u{08}\u{0C}", "b": String?.none]
        #expect(RowJSON.decodeImage(#"{ "a" : "\u00e9\/\b\f" , "b":null }"#) == image)
        let key: [String?] = ["\u{1F600}", nil]
        #expect(RowJSON.decodeKey(#"["\ud83d\ude00", null]"#) == key)
        #expect(RowJSON.decodeImage("{}") == [:])
        #expect(RowJSON.decodeKey("[]") == [])
    }

    @Test("anything but an object or array of strings and nulls is refused", arguments: [
        "", "{", "[", #"{"a":1}"#, #"["1",2]"#, #"{"a":"b"} x"#, #"["1""#, #"{"a":"\x"}"#, #"["\ud83d"]"#, #"["\udc00\u0041"]"#,
        "[\"a\u{01}\"]", #"{"a":nul}"#, #"{a:"b"}"#, #"[null,]"#, #"{"a":["b"]}"#,
    ])
    func refused(_ text: String) {
        #expect(RowJSON.decodeImage(text) == nil && RowJSON.decodeKey(text) == nil)
    }

    @Test("counts by name round-trip; anything else is not counts")
    func counts() {
        for counts in [[:], ["missing_in_new": 2], ["value_mismatch": 12_345, "rounding": 0, "é\"": 7]] as [[String: Int]] {
            #expect(RowJSON.decodeCounts(RowJSON.counts(counts)) == counts)
        }
        for text in ["", "[]", #"{"a":-1}"#, #"{"a":1.5}"#, #"{"a":"1"}"#, #"{"a":1,}"#, #"{"a":1} x"#] {
            #expect(RowJSON.decodeCounts(text) == nil, "\(text)")
        }
    }
}
