import Testing
@testable import Reconciliation

@Suite struct SourceExpressionErrorTests {
    private func parseError(_ text: String) -> SourceExpressionError? {
        do {
            _ = try SourceExpression(parsing: text)
            return nil
        } catch {
            return error
        }
    }

    @Test(arguments: [
        ("", 0, "expected a column name, a number or '('"),
        ("qty * ", 6, "expected a column name, a number or '('"),
        ("a + #", 4, "expected a column name, a number or '('"),
        ("a b", 2, "unexpected 'b' after a complete expression"),
        ("a )", 2, "unexpected ')' after a complete expression"),
        ("(a + b", 6, "expected ')'"),
        ("1. + 2", 2, "expected a digit after '.'"),
        ("\"Unit Price", 0, "unterminated quoted identifier"),
        ("x * \"\"", 4, "empty quoted identifier"),
        ("sum(x)", 0, "unknown function 'sum'"),
        ("round(x)", 7, "expected ',' and a scale in round(...)"),
        ("round(x, 2.5)", 9, "expected an integer scale in round(...)"),
        ("round(x, y)", 9, "expected an integer scale in round(...)"),
        ("round(x, 99999)", 9, "expected an integer scale in round(...)"),
        ("round(x, 2, bankers)", 12, "unknown rounding mode 'bankers'"),
        ("round(x, 2, )", 12, "expected a rounding mode"),
        ("round(x, 2, half_even", 21, "expected ')'"),
    ])
    func reportsTheProblemAndItsCharacterOffset(text: String, offset: Int, message: String) throws {
        let error = try #require(parseError(text))
        #expect(error.offset == offset)
        #expect(error.message == message)
        #expect(!error.fix.isEmpty)
    }

    @Test func offsetsCountCharactersNotBytes() throws {
        let error = try #require(parseError("\"prix unitaire é\" * #"))
        #expect(error.offset == 20)
    }

    @Test func descriptionLeadsWithTheOffsetAndEndsWithTheFix() throws {
        let error = try #require(parseError("qty * "))
        #expect(error.description == "at 6: expected a column name, a number or '('; write e.g. qty * unit_price")
        #expect(parseError("(a + b")?.fix == "close the '(' opened at 0")
        #expect(parseError("round(x, 2, bankers)")?.fix.contains("half_even") == true)
    }
}
