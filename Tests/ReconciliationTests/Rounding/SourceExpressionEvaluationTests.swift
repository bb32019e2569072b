import ExactNumeric
import ParityModel
import Testing
@testable import Reconciliation

@Suite struct SourceExpressionEvaluationTests {
    private func evaluate(_ text: String, _ row: RowImage) throws -> ExactDecimal? {
        try SourceExpression(parsing: text).evaluate(row)
    }

    @Test func productsAreExact() throws {
        let row: RowImage = ["qty": "3", "unit_price": "0.1"]
        #expect(try evaluate("qty * unit_price", row)?.description == "0.3")
        let big: RowImage = ["qty": "123456789.123456789", "unit_price": "987654321.987654321"]
        #expect(try evaluate("qty * unit_price", big)?.description == "121932631356500531.347203169112635269")
    }

    @Test func terminatingQuotientsAreExact() throws {
        #expect(try evaluate("a / b", ["a": "1", "b": "8"])?.description == "0.125")
        #expect(try evaluate("a / b", ["a": "10.00", "b": "4"])?.description == "2.5")
        #expect(try evaluate("a / b", ["a": "1", "b": "1024"])?.description == "0.0009765625")
    }

    @Test func nonTerminatingQuotientsRoundHalfEvenFortyDigitsPastTheOperands() throws {
        let third = try #require(try evaluate("a / 3", ["a": "1.00"]))
        #expect(third.scale == 42)
        #expect(third.description == "0." + String(repeating: "3", count: 42))
        let twoThirds = try #require(try evaluate("a / 3", ["a": "2"]))
        #expect(twoThirds.description == "0." + String(repeating: "6", count: 39) + "7")
        #expect(!third.isTie(at: 2))
    }

    @Test func missingOrUnusableInputsGiveNil() throws {
        #expect(try evaluate("qty * unit_price", ["qty": "2", "unit_price": String?.none]) == nil)
        #expect(try evaluate("qty * unit_price", ["qty": "2"]) == nil)
        #expect(try evaluate("qty * unit_price", ["qty": "2", "unit_price": "abc"]) == nil)
        #expect(try evaluate("qty * unit_price", ["qty": "2", "unit_price": "NaN"]) == nil)
        #expect(try evaluate("qty * unit_price", ["qty": "2", "unit_price": "Infinity"]) == nil)
    }

    @Test func divisionByZeroGivesNil() throws {
        #expect(try evaluate("a / b", ["a": "1", "b": "0.00"]) == nil)
        #expect(try evaluate("round(a / (b - b), 2)", ["a": "1", "b": "3"]) == nil)
    }
}
