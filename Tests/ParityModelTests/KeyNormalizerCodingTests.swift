import Foundation
import ParityModel
import Testing

/// Key normalizers as the PostgreSQL store records a mapping's placement: spelled as in the config.
@Suite struct KeyNormalizerCodingTests {
    @Test("encoded as the config spells them, and decoded back")
    func configSpelling() throws {
        let normalizers: [KeyNormalizer] = [.trim, .upper, .lower, .stripLeadingZeros, .nfc, .stripPrefix("INV-"), .zeroPad(8)]
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let text = String(decoding: try encoder.encode(normalizers), as: UTF8.self)
        #expect(text == #"["trim","upper","lower","strip_leading_zeros","nfc",{"strip_prefix":"INV-"},{"zero_pad":8}]"#)
        #expect(try JSONDecoder().decode([KeyNormalizer].self, from: Data(text.utf8)) == normalizers)
    }

    @Test("a name that is no normalizer, or an object naming none, does not decode")
    func unknownRefused() {
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([KeyNormalizer].self, from: Data(#"["title_case"]"#.utf8)) }
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([KeyNormalizer].self, from: Data(#"[{"pad":3}]"#.utf8)) }
    }

    @Test("nfc pairs a decomposed key with the precomposed one; without it they are two keys")
    func composedKeys() {
        let precomposed = "caf\u{E9}", decomposed = "cafe\u{301}"
        #expect(Array(KeyNormalizer.normalize(decomposed, with: [.nfc])!.utf8) == Array(precomposed.utf8))
        #expect(ExactText(decomposed) != ExactText(precomposed))
        #expect(KeyNormalizer.normalize(decomposed, with: [.nfc]).map { ExactText($0) } == ExactText(precomposed))
        #expect(KeyNormalizer.normalize(precomposed, with: [.nfc]).map { ExactText($0) } == ExactText(precomposed))
    }
}
