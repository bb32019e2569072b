import Foundation
import ParityModel
import Testing

/// Key normalizers as the PostgreSQL store records a mapping's placement: spelled as in the config.
@Suite struct KeyNormalizerCodingTests {
    @Test("encoded as the config spells them, and decoded back")
    func configSpelling() throws {
        let normalizers: [KeyNormalizer] = [.trim, .upper, .lower, .stripLeadingZeros, .stripPrefix("INV-"), .zeroPad(8)]
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let text = String(decoding: try encoder.encode(normalizers), as: UTF8.self)
        #expect(text == #"["trim","upper","lower","strip_leading_zeros",{"strip_prefix":"INV-"},{"zero_pad":8}]"#)
        #expect(try JSONDecoder().decode([KeyNormalizer].self, from: Data(text.utf8)) == normalizers)
    }

    @Test("a name that is no normalizer, or an object naming none, does not decode")
    func unknownRefused() {
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([KeyNormalizer].self, from: Data(#"["title_case"]"#.utf8)) }
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([KeyNormalizer].self, from: Data(#"[{"pad":3}]"#.utf8)) }
    }
}
