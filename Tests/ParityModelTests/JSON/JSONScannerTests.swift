import ParityModel
import Testing

@Suite("JSONScanner: the one JSON reader")
struct JSONScannerTests {
    @Test("strings: plain runs, every escape, surrogate pairs, whitespace before; control characters and lone surrogates refused")
    func strings() {
        #expect(JSONScanner.scan(#"  "plain""#) { $0.string() } == "plain")
        #expect(JSONScanner.scan(#""a\"b\\c\/d\b\f\n\r\t""#) { $0.string() } == "a\"b\\c/d\u{08}\u{0C}\n\r\t")
        #expect(JSONScanner.scan(#""\u00e9\uD83D\uDE00 ok""#) { $0.string() } == "é😀 ok")
        #expect(JSONScanner.scan(#""café""#) { $0.string() } == "café")
        #expect(JSONScanner.scan("\"a\u{01}\"") { $0.string() } == nil)
        #expect(JSONScanner.scan(#""\uD83D""#) { $0.string() } == nil)
        #expect(JSONScanner.scan(#""\x""#) { $0.string() } == nil)
        #expect(JSONScanner.scan(#""open"#) { $0.string() } == nil)
        #expect(JSONScanner.scan("x") { $0.string() } == nil)
    }

    @Test("null or a string; words only whole")
    func nullable() {
        #expect(JSONScanner.scan("null") { $0.nullableString() } == .some(nil))
        #expect(JSONScanner.scan(#""v""#) { $0.nullableString() } == .some("v"))
        #expect(JSONScanner.scan("nul") { $0.nullableString() } == nil)
        #expect(JSONScanner.scan("true") { scanner in scanner.consume(word: "true") && scanner.atEnd } == true)
        #expect(JSONScanner.scan("tru") { scanner in scanner.consume(word: "true") } == false)
    }

    @Test("numbers follow JSON's grammar; a refused one reads nothing")
    func numbers() {
        for text in ["0", "-0", "12", "-12.50", "1e3", "1E+3", "2.5e-7", "10000000000000000000000.000000000000000000001"] {
            #expect(JSONScanner.scan(text) { scanner in scanner.numberText().flatMap { scanner.atEnd ? $0 : nil } } == text)
        }
        for text in ["-", "1.", ".5", "1e", "+1", "x"] {
            #expect(JSONScanner.scan(text) { scanner in scanner.numberText() == nil ? scanner.index : -1 } == 0, "\(text)")
        }
        // A leading zero ends the number: what follows is left for the caller, who refuses it.
        #expect(JSONScanner.scan("01") { scanner in scanner.numberText().map { "\($0) at \(scanner.index)" } } == "0 at 1")
    }

    @Test("integers: at most 18 digits")
    func integers() {
        #expect(JSONScanner.scan(" 42,") { $0.integer() } == 42)
        #expect(JSONScanner.scan("123456789012345678999") { $0.integer() } == 123_456_789_012_345_678)
        #expect(JSONScanner.scan("-1") { $0.integer() } == nil)
    }

    @Test("structural characters and the end skip whitespace")
    func structure() {
        #expect(JSONScanner.scan(" [ \"a\" , null ] \n") { scanner in
            scanner.consume(UInt8(ascii: "[")) && scanner.string() == "a" && scanner.consume(UInt8(ascii: ","))
                && scanner.nullableString() == .some(nil) && scanner.consume(UInt8(ascii: "]")) && scanner.atEnd
        } == true)
        #expect(JSONScanner.scan("[] x") { scanner in scanner.consume(UInt8(ascii: "[")) && scanner.consume(UInt8(ascii: "]")) && scanner.atEnd } == false)
    }
}
