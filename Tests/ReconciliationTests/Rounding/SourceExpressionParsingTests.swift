import ExactNumeric
import ParityModel
import Testing
@testable import Reconciliation

@Suite struct SourceExpressionParsingTests {
    private func value(_ text: String, _ row: RowImage = [:]) throws -> String? {
        try SourceExpression(parsing: text).evaluate(row)?.description
    }

    @Test func multiplicationAndDivisionBindTighterThanAdditionAndSubtraction() throws {
        #expect(try value("2 + 3 * 4") == "14")
        #expect(try value("20 - 6 / 3") == "18")
        #expect(try value("10 - 4 - 3") == "3")
        #expect(try value("64 / 4 / 2") == "8")
    }

    @Test func parenthesesOverridePrecedence() throws {
        #expect(try value("(2 + 3) * 4") == "20")
        #expect(try value("((1.5))") == "1.5")
        #expect(try value("(a + b) / 3", ["a": "1.00", "b": "2.00"]) == "1")
    }

    @Test func unaryMinusNestsAndBindsTighterThanProduct() throws {
        #expect(try value("-x", ["x": "2.50"]) == "-2.50")
        #expect(try value("--x", ["x": "2.50"]) == "2.50")
        #expect(try value("-2 * 3") == "-6")
        #expect(try value("4 - -1") == "5")
    }

    @Test func literalsKeepTheirScale() throws {
        #expect(try value("1.15") == "1.15")
        #expect(try value("100") == "100")
        #expect(try value("qty * 1.150", ["qty": "2"]) == "2.300")
    }

    @Test func columnsAreCollectedAndUnquotedNamesFoldToLowerCase() throws {
        let expression = try SourceExpression(parsing: "Qty * unit_price + \"Unit Price\" - \"say \"\"hi\"\"\"")
        #expect(expression.columns == ["qty", "unit_price", "Unit Price", "say \"hi\""])
        #expect(expression.text == "Qty * unit_price + \"Unit Price\" - \"say \"\"hi\"\"\"")
    }

    @Test func roundWithTwoArgumentsIsPostgresHalfUp() throws {
        #expect(try value("round(x, 2)", ["x": "2.345"]) == "2.35")
        #expect(try value("ROUND(x, 2)", ["x": "-2.345"]) == "-2.35")
        #expect(try value("round(x, -1)", ["x": "15"]) == "20")
    }

    @Test func roundWithAModeUsesIt() throws {
        #expect(try value("round(qty * unit_price, 2, half_even)", ["qty": "1", "unit_price": "2.345"]) == "2.34")
        #expect(try value("round(x, 0, floor) + 1", ["x": "-0.5"]) == "0")
        #expect(try SourceExpression(parsing: "round(a / b, 2, down)").columns == ["a", "b"])
    }

    @Test func equalTextParsesToEqualExpressions() throws {
        #expect(try SourceExpression(parsing: "a*b") == SourceExpression(parsing: "a*b"))
        #expect(try SourceExpression(parsing: "a*b") != SourceExpression(parsing: "a * b"))
    }
}
