import Testing
@testable import SourceQueries

@Suite("A trigger's WHEN condition as the inventory keeps it")
struct TriggerConditionTests {
    @Test("the parentheses around the whole expression go; those around parts of it stay")
    func unwrapped() {
        #expect(FunctionCatalog.unwrapped("(old.a IS DISTINCT FROM new.a)") == "old.a IS DISTINCT FROM new.a")
        #expect(FunctionCatalog.unwrapped("((new.a > 1) AND (new.b < 2))") == "(new.a > 1) AND (new.b < 2)")
        #expect(FunctionCatalog.unwrapped("(new.a > 1) AND (new.b < 2)") == "(new.a > 1) AND (new.b < 2)")
        #expect(FunctionCatalog.unwrapped("f(new.a)") == "f(new.a)")
    }
}
