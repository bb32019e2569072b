import ParityConfig
import ParityModel
import Testing
@testable import Reconciliation

@Suite struct KeyNormalizationTests {
    @Test(arguments: [
        (KeyNormalizer.trim, "  A-1 \t", "A-1"),
        (.upper, "inv-7a", "INV-7A"),
        (.lower, "INV-7A", "inv-7a"),
        (.stripLeadingZeros, "000420", "420"),
        (.stripLeadingZeros, "0000", "0"),
        (.stripLeadingZeros, "", ""),
        (.stripPrefix("INV-"), "INV-0042", "0042"),
        (.stripPrefix("INV-"), "CR-0042", "CR-0042"),
        (.zeroPad(6), "42", "000042"),
        (.zeroPad(2), "1234", "1234"),
    ])
    func eachNormalizer(normalizer: KeyNormalizer, input: String, expected: String) {
        #expect(normalizer.apply(to: input) == expected)
    }

    @Test func normalizersApplyInOrder() {
        #expect(KeyNormalizer.normalize(" inv-0042 ", with: [.trim, .upper, .stripPrefix("INV-"), .stripLeadingZeros]) == "42")
        #expect(KeyNormalizer.normalize("42", with: [.zeroPad(5), .stripPrefix("000")]) == "42")
    }

    @Test func nullStaysNull() {
        #expect(KeyNormalizer.normalize(nil, with: [.trim, .zeroPad(4)]) == nil)
    }
}
