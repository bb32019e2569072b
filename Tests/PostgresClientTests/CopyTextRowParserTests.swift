import PostgresClient
import Testing

/// COPY text lines read field by field as bytes, without strings.
@Suite struct CopyTextRowParserTests {
    private func fields(_ line: String) -> [[UInt8]?] {
        var parser = CopyTextRowParser()
        var fields: [[UInt8]?] = []
        Array(line.utf8).withUnsafeBytes { bytes in parser.forEachField(in: bytes) { fields.append($0.map(Array.init)) } }
        return fields
    }

    @Test func fieldsAreTheirDecodedBytes() {
        #expect(fields("1\tplain\t\\N\t\n") == [Array("1".utf8), Array("plain".utf8), nil, []])
        #expect(fields("a\\tb\\\\c\\nd\\101\\x41\\N") == [Array("a\tb\\c\ndAAN".utf8)])
        #expect(fields("é✓") == [Array("é✓".utf8)])
        #expect(fields("") == [[]])
    }

    @Test func parseGivesTheSameValuesAsStrings() {
        var parser = CopyTextRowParser()
        let values = Array("7\tsay \\\"hi\\\"\\t\t\\N\n".utf8).withUnsafeBytes { parser.parse($0) }
        #expect(values == ["7", "say \"hi\"\t", nil])
    }
}
