import ParityConfig
import Testing
@testable import Reconciliation

@Suite struct OtherTypeComparisonTests {
    private func compare(_ type: ColumnType, _ legacy: String?, _ new: String?, normalize: [ColumnNormalizer] = []) -> ComparisonOutcome {
        ValueComparator(column: ColumnMapping(legacy: "c", new: "c", type: type, normalize: normalize)).compare(legacy: legacy, new: new)
    }

    @Test(arguments: ["t", "TRUE", "1", "yes", "Y", "on"], ["true", "T"])
    func trueSpellings(legacy: String, new: String) {
        #expect(compare(.boolean, legacy, new) == .match)
    }

    @Test(arguments: ["f", "False", "0", "NO", "n", "off"])
    func falseSpellings(legacy: String) {
        #expect(compare(.boolean, legacy, "f") == .match)
        #expect(compare(.boolean, legacy, "t") == .mismatch)
    }

    @Test func unknownBooleanSpellingComparesAsText() {
        #expect(compare(.boolean, "maybe", "t") == .mismatch)
    }

    @Test func textIsExactAfterNormalization() {
        #expect(compare(.text, "Open", "open") == .mismatch)
        #expect(compare(.text, "Open", "open", normalize: [.lower]) == .match)
        #expect(compare(.text, "<script>", "<script>") == .match)
    }

    @Test func nullVersusEmpty() {
        #expect(compare(.text, nil, "") == .mismatch)
        #expect(compare(.text, nil, "", normalize: [.nullEqualsEmpty]) == .match)
        #expect(compare(.text, "", nil, normalize: [.nullEqualsEmpty]) == .match)
        #expect(compare(.text, nil, "x", normalize: [.nullEqualsEmpty]) == .mismatch)
    }

    @Test func uuidIsCaseInsensitive() {
        #expect(compare(.uuid, "A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11") == .match)
        #expect(compare(.uuid, "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a12") == .mismatch)
    }

    @Test func byteaIsExactText() {
        #expect(compare(.bytea, "\\xdeadbeef", "\\xdeadbeef") == .match)
        #expect(compare(.bytea, "\\xDEADBEEF", "\\xdeadbeef") == .mismatch)
    }

    @Test func jsonIsStructural() {
        #expect(compare(.json, #"{"a": 1, "b": [1, 2], "c": {"d": null}}"#, #"{"c":{"d":null},"b":[1,2],"a":1}"#) == .match)
        #expect(compare(.json, #"{"b": [1, 2]}"#, #"{"b": [2, 1]}"#) == .mismatch)
        #expect(compare(.json, #"{"a": "x"}"#, #"{"a": "y"}"#) == .mismatch)
        #expect(compare(.json, #"{"a": 1}"#, #"{"a": 1, "b": 2}"#) == .mismatch)
    }

    @Test func jsonNumbersCompareExactlyByValue() {
        #expect(compare(.json, #"{"n": 1.50}"#, #"{"n": 1.5}"#) == .match)
        #expect(compare(.json, #"{"n": 0.1}"#, #"{"n": 0.10000000000000000001}"#) == .mismatch)
        #expect(compare(.json, "[true]", "[1]") == .mismatch)
        #expect(compare(.json, #"{"n": 1e2}"#, #"{"n": 100}"#) == .match)
    }

    @Test func jsonStringsDecodeEscapes() {
        #expect(compare(.json, #""caf\u00e9 \ud83d\ude00""#, "\"café 😀\"") == .match)
        #expect(compare(.json, #"{"a":"\n"}"#, "{\"a\":\"\\u000a\"}") == .match)
    }

    @Test func jsonStringsAndNamesCompareByteForByte() {
        #expect(compare(.json, #"{"name": "caf\u00e9"}"#, #"{"name": "cafe\u0301"}"#) == .mismatch, "as jsonb compares them")
        #expect(compare(.json, "{\"caf\u{E9}\": 1, \"cafe\u{301}\": 2}", "{\"cafe\u{301}\": 2, \"caf\u{E9}\": 1}") == .match, "two members")
        #expect(compare(.json, "{\"caf\u{E9}\": 1, \"cafe\u{301}\": 2}", "{\"cafe\u{301}\": 2}") == .mismatch)
    }

    @Test func malformedJSONComparesAsText() {
        #expect(JSONValue(parsing: "{\"a\": 01}") == nil)
        #expect(JSONValue(parsing: "[1,]") == nil)
        #expect(JSONValue(parsing: "{} x") == nil)
        #expect(compare(.json, "{bad", "{bad") == .match)
        #expect(compare(.json, "{bad", "{}") == .mismatch)
    }
}
