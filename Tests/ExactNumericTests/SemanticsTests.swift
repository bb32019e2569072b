import Testing
@testable import ExactNumeric

@Suite("Equality, ordering and special values")
struct SemanticsTests {
    @Test func equalityAndHashingAreByValue() {
        let forms = [dec("1.5"), dec("1.50"), dec("1.500000"), dec("15e-1"), dec("0.15e1"),
                     ExactDecimal(coefficient: 15, scale: 1), dec("1.5").forcingBigPath]
        for form in forms {
            #expect(form == dec("1.5"))
            #expect(form.hashValue == dec("1.5").hashValue)
        }
        #expect(Set(forms).count == 1)
        #expect(ExactDecimal(coefficient: 12, scale: -2) == 1200)
        #expect(ExactDecimal(coefficient: 12, scale: -2).hashValue == dec("1200.00").hashValue)
        #expect(dec("-0.00") == dec("0"))
        #expect(dec("-0.00").hashValue == dec("0").hashValue)
        #expect(dec("1.5") != dec("1.51"))
        #expect(dec("-1.5") != dec("1.5"))
    }

    @Test func equalityAndHashingBeyondInt128() {
        let text = "170141183460469231731687303715884105728000"
        let a = dec(text + ".000")
        let b = dec(text)
        let c = dec("170141183460469231731687303715884105728e3")
        #expect(a == b && b == c)
        #expect(a.hashValue == b.hashValue && b.hashValue == c.hashValue)
        #expect(a.usesBigPath)
        // 10^40 / 10^3 fits Int128 once trailing zeros are gone: both paths hash alike.
        let trailing = dec("1" + String(repeating: "0", count: 40))
        #expect(trailing.hashValue == trailing.forcingBigPath.hashValue)
        #expect(trailing.hashValue == ExactDecimal(coefficient: 1, scale: -40).hashValue)
    }

    @Test func orderingFollowsPostgreSQL() {
        let shuffled = [dec("NaN"), 1, dec("-Infinity"), dec("Infinity"), dec("0.5"), dec("-1e40"), dec("1e40"),
                        dec("-0.00001"), 0]
        let sorted = shuffled.sorted()
        #expect(sorted.map(\.description) == [
            "-Infinity", "-10000000000000000000000000000000000000000", "-0.00001", "0", "0.5", "1",
            "10000000000000000000000000000000000000000", "Infinity", "NaN",
        ])
        #expect(ExactDecimal.nan == .nan)
        #expect(!(ExactDecimal.nan < .nan))
        #expect(ExactDecimal.infinity < .nan)
        #expect(dec("1.10") > dec("1.09999999999999999999999999999999999999999999"))
        #expect(dec("-1.10") < dec("-1.09999999999999999999999999999999999999999999"))
        #expect(dec("1e-16383") > 0)
        #expect(dec("9e131071") > dec("1e-16383"))
        #expect(dec("999") < dec("1000.0"))
        #expect(dec("0.000999") < dec("0.001"))
    }

    @Test func arithmeticWithSpecialValuesFollowsPostgreSQL() throws {
        let inf = ExactDecimal.infinity, negInf = ExactDecimal.negativeInfinity, nan = ExactDecimal.nan
        #expect((inf - inf).isNaN)
        #expect((inf + negInf).isNaN)
        #expect(inf + inf == inf)
        #expect(negInf + negInf == negInf)
        #expect(inf + 5 == inf)
        #expect(dec("5") - inf == negInf)
        #expect((inf * 0).isNaN)
        #expect((dec("0.00") * negInf).isNaN)
        #expect(inf * dec("-2") == negInf)
        #expect(negInf * negInf == inf)
        #expect((nan + 1).isNaN)
        #expect((nan * 0).isNaN)
        #expect(try nan.divided(by: 0, scale: 2, rounding: .halfUp).isNaN)
        #expect(try dec("1").divided(by: nan, scale: 2, rounding: .halfUp).isNaN)
        #expect(try inf.divided(by: inf, scale: 2, rounding: .halfUp).isNaN)
        #expect(try inf.divided(by: dec("-2"), scale: 2, rounding: .halfUp) == negInf)
        #expect(try negInf.divided(by: dec("-2"), scale: 2, rounding: .halfUp) == inf)
        #expect(try dec("5").divided(by: inf, scale: 2, rounding: .halfUp).description == "0.00")
        #expect(throws: ExactDecimalError(code: .divisionByZero)) { try dec("1").divided(by: 0, scale: 2, rounding: .halfUp) }
        #expect(throws: ExactDecimalError(code: .divisionByZero)) { try dec("0").divided(by: dec("0.00"), scale: 0, rounding: .up) }
        #expect(throws: ExactDecimalError(code: .divisionByZero)) { try inf.divided(by: 0, scale: 0, rounding: .up) }
        for mode in RoundingMode.allCases {
            #expect(nan.rounded(scale: 2, mode: mode).isNaN)
            #expect(inf.rounded(scale: 2, mode: mode) == inf)
            #expect(!nan.isTie(at: 0))
        }
    }

    @Test func signNegationAndAbsoluteValue() {
        #expect(dec("-1.50").sign == .minus)
        #expect(dec("1.50").sign == .plus)
        #expect(dec("0.00").sign == .zero)
        #expect(ExactDecimal.nan.sign == nil)
        #expect(ExactDecimal.negativeInfinity.sign == .minus)
        #expect(dec("-1.50").negated.description == "1.50")
        #expect(dec("-1.50").abs.description == "1.50")
        #expect(dec("1.50").abs.description == "1.50")
        #expect((-dec("2.5")).description == "-2.5")
        #expect(ExactDecimal.negativeInfinity.abs == .infinity)
        #expect(ExactDecimal.infinity.negated == .negativeInfinity)
        #expect(ExactDecimal.nan.negated.isNaN)
        #expect(ExactDecimal.nan.abs.isNaN)
        #expect(dec("0.00").isZero && !dec("0.01").isZero && !ExactDecimal.nan.isZero)
        #expect(ExactDecimal.infinity.isInfinite && !ExactDecimal.infinity.isFinite && !ExactDecimal.infinity.isNaN)
    }

    @Test func scalePrecisionAndNormalization() {
        #expect(dec("123.45").precision == 5)
        #expect(dec("0.001").precision == 1)
        #expect(dec("0").precision == 1)
        #expect(dec("-1" + String(repeating: "0", count: 50)).precision == 51)
        #expect(ExactDecimal.nan.precision == 0)
        #expect(dec("1.500").normalized.description == "1.5")
        #expect(dec("1.500").normalized.scale == 1)
        #expect(dec("-0.10").normalized.description == "-0.1")
        #expect(dec("100").normalized.description == "100")
        #expect(dec("0.000").normalized.description == "0")
        #expect(dec("0.000").normalized.scale == 0)
        #expect(ExactDecimal(coefficient: 12, scale: -2).normalized.description == "1200")
        #expect(ExactDecimal(coefficient: 12, scale: -2).normalized.scale == 0)
        #expect(dec("12345678901234567890123456789012345678901234.5000000").normalized.description
            == "12345678901234567890123456789012345678901234.5")
        #expect(ExactDecimal.infinity.normalized == .infinity)
    }

    @Test func int128BoundariesFallOverToBigInt() throws {
        let max = ExactDecimal(coefficient: Int128.max)
        let min = ExactDecimal(coefficient: Int128.min)
        #expect(!max.usesBigPath && !min.usesBigPath)
        #expect((max + 1).description == "170141183460469231731687303715884105728")
        #expect((max + 1).usesBigPath)
        #expect((min - 1).description == "-170141183460469231731687303715884105729")
        #expect(min.negated.description == "170141183460469231731687303715884105728")
        #expect(min.abs.description == "170141183460469231731687303715884105728")
        #expect((max * max).description == "28948022309329048855892746252171976962977213799489202546401021394546514198529")
        #expect(try min.divided(by: -1, scale: 0, rounding: .down).description
            == "170141183460469231731687303715884105728")
        #expect(((max + 1) - 1).usesBigPath == false)
        #expect((max + 1) - 1 == max)
        let ten38 = dec("1e38")
        #expect((ten38 * 10).description == "1" + String(repeating: "0", count: 39))
        #expect(dec("0.5").rounded(scale: 60, mode: .up).description == "0." + "5" + String(repeating: "0", count: 59))
    }

    @Test func integerLiteralsAndLosslessStrings() {
        let seven: ExactDecimal = 7
        #expect(seven.description == "7" && seven.scale == 0)
        #expect(ExactDecimal("12.30")?.description == "12.30")
        #expect(ExactDecimal("twelve") == nil)
        var total: ExactDecimal = .zero
        total += dec("0.10")
        total += dec("0.20")
        total -= dec("0.05")
        total *= 2
        #expect(total.description == "0.50")
        #expect([dec("0.10"), dec("0.20"), dec("0.30")].reduce(.zero, +) == dec("0.6"))
    }
}
