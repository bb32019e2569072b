import ParityTestSupport
import Testing
@testable import ExactNumeric

@Suite("Parsing and PostgreSQL-style printing")
struct ParsingTests {
    @Test("parses PostgreSQL text and prints it back like PostgreSQL", arguments: [
        ("-0.50", "-0.50"), ("123", "123"), ("1e3", "1000"), ("1.5E-7", "0.00000015"),
        ("+5", "5"), (".5", "0.5"), ("5.", "5"), ("-0", "0"), ("-0.00", "0.00"), ("0e-2", "0.00"),
        ("1.50e1", "15.0"), ("1E+2", "100"), ("  42\n", "42"), ("00012.3400", "12.3400"),
        ("-000.000100", "-0.000100"), ("12.5e-1", "1.25"), ("0.0", "0.0"),
        ("NaN", "NaN"), ("nan", "NaN"), ("Infinity", "Infinity"), ("-Infinity", "-Infinity"),
        ("+inf", "Infinity"), ("-INF", "-Infinity"), ("infinity", "Infinity"),
        ("123456789012345678901234567890123456789012345678901234567890.123",
         "123456789012345678901234567890123456789012345678901234567890.123"),
        ("-170141183460469231731687303715884105728", "-170141183460469231731687303715884105728"),
        ("170141183460469231731687303715884105728", "170141183460469231731687303715884105728"),
    ])
    func parsesAndPrints(input: String, printed: String) throws {
        let value = try ExactDecimal(parsing: input)
        #expect(value.description == printed)
        #expect(ExactDecimal(input) == value)
    }

    @Test("keeps PostgreSQL's display scale", arguments: [
        ("1.50", 2), ("1e3", 0), ("1.5E-7", 8), ("1.50e1", 1), ("-0.00", 2), ("5.", 0), ("NaN", 0),
    ])
    func displayScale(input: String, scale: Int) {
        #expect(dec(input).scale == scale)
    }

    @Test("rejects junk with invalid_syntax", arguments: [
        "1.2.3", "--1", "", "1e", "abc", ".", "-", "+", "1e+", "e5", "1 2", "-NaN", "+NaN", "0x10",
        "1_000", "Infinityx", "infin", "１", "1\u{0}", "1,5", "$1.00", "1.5e3.2", "   ", "1e-", "NaNa",
    ])
    func rejectsJunk(input: String) {
        #expect(throws: ExactDecimalError.self) { try ExactDecimal(parsing: input) }
        do {
            _ = try ExactDecimal(parsing: input)
        } catch {
            #expect(error.code == .invalidSyntax)
            #expect(error.offset != nil)
        }
        #expect(ExactDecimal(input) == nil)
    }

    @Test func syntaxErrorsPointAtTheOffendingByte() throws {
        #expect(throws: ExactDecimalError(code: .invalidSyntax, offset: 3)) { try ExactDecimal(parsing: "1.2.3") }
        #expect(throws: ExactDecimalError(code: .invalidSyntax, offset: 1)) { try ExactDecimal(parsing: "--1") }
        #expect(throws: ExactDecimalError(code: .invalidSyntax, offset: 2)) { try ExactDecimal(parsing: "1e") }
        #expect(throws: ExactDecimalError(code: .invalidSyntax, offset: 0)) { try ExactDecimal(parsing: "") }
    }

    @Test("rejects values beyond PostgreSQL's numeric limits with out_of_range", arguments: [
        "1e131072", "1e-16384", "0.1e-16383", "1e99999999999999999999999", "-1e-99999999999999999",
        "1" + String(repeating: "0", count: 131_072),
    ])
    func rejectsOutOfRange(input: String) {
        #expect(throws: ExactDecimalError(code: .outOfRange)) { try ExactDecimal(parsing: input) }
    }

    @Test func acceptsTheLimits() throws {
        // 131072 integer digits; printing it is quadratic in a debug build of BigInt, so only parse it.
        let widest = try ExactDecimal(parsing: "9e131071")
        #expect(widest > 0 && widest.scale == 0)
        let finest = try ExactDecimal(parsing: "1e-16383")
        #expect(finest.scale == 16_383)
        #expect(finest.description.hasSuffix("01"))
        #expect(try ExactDecimal(parsing: "0e-16383").isZero)
    }

    @Test func negativeZeroPrintsAndComparesAsZero() {
        let negativeZero = dec("-0.00")
        #expect(negativeZero.description == "0.00")
        #expect(negativeZero == 0)
        #expect(negativeZero.sign == .zero)
        #expect(negativeZero.negated.description == "0.00")
        #expect(dec("0.00").negated.description == "0.00")
        #expect(dec("-0.001").rounded(scale: 2, mode: .halfUp).description == "0.00")
        #expect((dec("0.10") - dec("0.1")).description == "0.00")
    }

    @Test func negativeScalesPrintWithoutAnExponent() {
        #expect(ExactDecimal(coefficient: 12, scale: -2).description == "1200")
        #expect(ExactDecimal(coefficient: -12, scale: -2).description == "-1200")
        #expect(ExactDecimal(coefficient: 0, scale: -2).description == "0")
        #expect(ExactDecimal(coefficient: 5, scale: 3).description == "0.005")
        #expect(ExactDecimal(coefficient: -5, scale: 1).description == "-0.5")
    }

    @Test func errorDescriptionsNameTheProblemOnly() {
        do {
            _ = try ExactDecimal(parsing: "card 4111-1111")
            Issue.record("junk parsed")
        } catch {
            #expect(!error.description.contains("4111"))
        }
        #expect(ExactDecimalError(code: .invalidSyntax, offset: 4).description == "invalid numeric syntax at offset 4")
        #expect(ExactDecimalError(code: .divisionByZero).description == "division by zero")
        #expect(ExactDecimalError.Code.outOfRange.description == "out_of_range")
    }

    @Test func randomJunkNeverCrashesAndAcceptedTextRoundTrips() throws {
        var rng = SplitMix64(seed: 0xBAD_F00D)
        let alphabet = Array("0123456789.+-eE naifIntyNx\t")
        for _ in 0..<3000 {
            let length = Int.random(in: 0...12, using: &rng)
            let text = String((0..<length).map { _ in alphabet.randomElement(using: &rng)! })
            guard let value = ExactDecimal(text) else { continue }
            let reparsed = try ExactDecimal(parsing: value.description)
            #expect(reparsed == value, "\(text)")
            #expect(reparsed.description == value.description, "\(text)")
        }
    }
}
