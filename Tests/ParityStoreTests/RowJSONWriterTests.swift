import Foundation
import ParityStore
import Testing

@Suite("Row JSON encoding")
struct RowJSONWriterTests {
    @Test("images sort their keys and escape quotes, backslashes and control characters")
    func escaping() {
        #expect(RowJSON.image(["b": "x", "a": nil]) == #"{"a":null,"b":"x"}"#)
        #expect(RowJSON.image(["q": "say \"hi\"\\ \n\r\t\u{01}\u{1F} é 😀"]) == #"{"q":"say \"hi\"\\ \n\r\t\u0001\u001f é 😀"}"#)
        #expect(RowJSON.key(["EU", nil, ""]) == #"["EU",null,""]"#)
        #expect(RowJSON.key([]) == "[]")
        #expect(RowJSON.counts(["b": 2, "a": 10]) == #"{"a":10,"b":2}"#)
    }

    @Test("what it writes decodes back to the same values")
    func roundTrip() {
        let values: [String: String?] = ["note": "line\none \"quoted\" \\ \u{7}", "amount": "12.50", "gone": nil, "ключ": "значение"]
        #expect(RowJSON.decodeImage(RowJSON.image(values)) == values)
        #expect(RowJSON.decodeKey(RowJSON.key(["a\tb", nil])) == ["a\tb", nil])
    }

    @Test("bytes are written as sent; bytes that are not UTF-8 give nil")
    func bytes() {
        var writer = RowJSONWriter.object()
        writer.member("id")
        writer.string(Array("7\"".utf8)[...])
        writer.member("n")
        writer.null()
        #expect(writer.finish() == #"{"id":"7\"","n":null}"#)
        var invalid = RowJSONWriter.array()
        invalid.string([0x61, 0xFF][...])
        #expect(invalid.finish() == nil)
    }
}

@Suite("Row JSON writer reused")
struct RowJSONWriterReuseTests {
    @Test("take appends the text as written and leaves the writer empty for the next one")
    func take() {
        var writer = RowJSONWriter.array()
        var output: [UInt8] = []
        writer.string(Array("a\"".utf8)[...])
        writer.null()
        writer.take(appendingTo: &output)
        writer.take(appendingTo: &output)
        writer.number(3)
        writer.string(Array("é".utf8)[...])
        writer.string([0xFF][...])
        writer.take(appendingTo: &output)
        #expect(output == Array(#"["a\"",null][][3,"é",""#.utf8) + [0xFF] + Array(#""]"#.utf8))
    }
}
