import Reconciliation
import Testing

@Suite("Built-in trigger functions")
struct BuiltinTriggerFunctionTests {
    @Test("tgargs as encode(…, 'escape') writes them: NUL-terminated, backslashes doubled")
    func arguments() {
        #expect(BuiltinTriggerFunction.arguments(escaped: "fulltext\\000pg_catalog.english\\000title\\000") == [
            "fulltext", "pg_catalog.english", "title",
        ])
        #expect(BuiltinTriggerFunction.arguments(escaped: "a\\\\b\\000") == ["a\\b"])
        #expect(BuiltinTriggerFunction.arguments(escaped: "").isEmpty)
    }

    @Test("the column each known function assigns comes from its first argument; an unknown function is not guessed")
    func effects() {
        #expect(BuiltinTriggerFunction.reach(function: "pg_catalog.tsvector_update_trigger", arguments: ["fts", "english", "title"])?
            .assignedNewColumns == ["fts"])
        #expect(BuiltinTriggerFunction.reach(function: "pg_catalog.tsvector_update_trigger_column", arguments: ["fts", "cfg", "body"])?
            .assignedNewColumns == ["fts"])
        #expect(BuiltinTriggerFunction.reach(function: "public.moddatetime", arguments: ["updated_at"])?.assignedNewColumns == ["updated_at"])
        #expect(BuiltinTriggerFunction.reach(function: "pg_catalog.suppress_redundant_updates_trigger", arguments: [])?.returnsNull == true)
        #expect(BuiltinTriggerFunction.reach(function: "pg_catalog.tsvector_update_trigger", arguments: []) == nil)
        #expect(BuiltinTriggerFunction.reach(function: "pg_catalog.unique_key_recheck", arguments: []) == nil)
    }
}
