import Foundation
import ParityConfig
import ParityModel

/// Reads a function body (`pg_proc.prosrc` of a PL/pgSQL or SQL function) token by token and
/// finds its writes, calls, dynamic SQL and `NEW` assignments. Comments and string literals
/// never count; a body's own `$$` quoting is already gone in `prosrc`, so any dollar quote inside is a literal.
public struct PlpgsqlBodyAnalyzer {
    private let tokens: [SQLToken]
    private let characters: [Character]
    private let defaultSchema: String
    private var analysis = PlpgsqlBodyAnalysis()
    private var tableTokens = Set<Int>()

    /// Analyzes `body`; unqualified table names resolve to `defaultSchema`.
    public static func analyze(_ body: String, defaultSchema: String = "public") -> PlpgsqlBodyAnalysis {
        var analyzer = PlpgsqlBodyAnalyzer(body: body, defaultSchema: defaultSchema)
        analyzer.run()
        return analyzer.analysis
    }

    private init(body: String, defaultSchema: String) {
        tokens = SQLTokenizer.tokens(body)
        characters = Array(body)
        self.defaultSchema = defaultSchema
    }

    private mutating func run() {
        for index in tokens.indices where tokens[index].kind == .word {
            switch tokens[index].text {
            case "insert" where word(index + 1, "into"): recordWrite(.insert, at: index + 2)
            case "update": recordUpdate(at: index + 1)
            case "delete" where word(index + 1, "from"): recordWrite(.delete, at: index + 2)
            case "merge" where word(index + 1, "into"): recordWrite(.merge, at: index + 2)
            case "truncate": recordTruncate(at: word(index + 1, "table") ? index + 2 : index + 1)
            case "refresh" where word(index + 1, "materialized") && word(index + 2, "view"):
                recordWrite(.refresh, at: word(index + 3, "concurrently") ? index + 4 : index + 3)
            case "copy": recordCopy(at: index + 1)
            case "execute" where !word(index + 1, "function") && !word(index + 1, "procedure"): recordExecute(at: index)
            case "new": recordNewAssignment(at: index)
            case "return" where word(index + 1, "null") && (index + 2 == tokens.count || symbol(index + 2, ";")):
                analysis.returnsNull = true
            default: break
            }
        }
        for index in tokens.indices { recordCall(at: index) }
    }

    // MARK: Writes

    private mutating func recordWrite(_ statement: WriteStatement, at index: Int) {
        guard let (table, _) = tableName(at: index) else { return }
        appendWrite(TableWrite(statement, table))
    }

    private mutating func appendWrite(_ write: TableWrite) {
        if !analysis.writes.contains(write) { analysis.writes.append(write) }
    }

    /// `UPDATE [ONLY] t [*] [[AS] alias] SET`: the `SET` rules out `FOR UPDATE`, `DO UPDATE SET` and MERGE's `THEN UPDATE SET`.
    private mutating func recordUpdate(at index: Int) {
        guard let (table, last) = tableName(at: index) else { return }
        var next = symbol(last + 1, "*") ? last + 2 : last + 1
        if word(next, "as") { next += 1 }
        if next < tokens.count, tokens[next].isIdentifier, !word(next, "set") { next += 1 }
        if word(next, "set") { appendWrite(TableWrite(.update, table)) }
    }

    private mutating func recordTruncate(at index: Int) {
        var next = index
        while let (table, last) = tableName(at: next) {
            appendWrite(TableWrite(.truncate, table))
            next = symbol(last + 1, "*") ? last + 2 : last + 1
            guard symbol(next, ",") else { return }
            next += 1
        }
    }

    /// `COPY t [(columns)] FROM …`; `COPY … TO` reads.
    private mutating func recordCopy(at index: Int) {
        guard let (table, last) = tableName(at: index) else { return }
        var next = last + 1
        if symbol(next, "(") { next = closingParenthesis(from: next) + 1 }
        if word(next, "from") { appendWrite(TableWrite(.copy, table)) }
    }

    /// A possibly qualified table name starting at `index` (after an optional `ONLY`), and its last token.
    private mutating func tableName(at start: Int) -> (QualifiedName, Int)? {
        let index = word(start, "only") ? start + 1 : start
        guard index < tokens.count, tokens[index].isIdentifier, !Self.keywords.contains(tokens[index].text) || tokens[index].kind == .quotedIdentifier
        else { return nil }
        var parts = [tokens[index].text]
        var last = index
        while symbol(last + 1, "."), last + 2 < tokens.count, tokens[last + 2].isIdentifier {
            parts.append(tokens[last + 2].text)
            last += 2
        }
        tableTokens.formUnion(index...last)
        let name = parts.count == 1
            ? QualifiedName(schema: defaultSchema, name: parts[0])
            : QualifiedName(schema: parts[parts.count - 2], name: parts[parts.count - 1])
        return (name, last)
    }

    // MARK: Dynamic SQL

    /// The `EXECUTE` statement up to its `;` (or the `LOOP` of `FOR … IN EXECUTE`).
    private mutating func recordExecute(at index: Int) {
        var end = index + 1
        var depth = 0
        while end < tokens.count {
            if symbol(end, "(") { depth += 1 }
            if symbol(end, ")") { depth -= 1 }
            if depth <= 0, symbol(end, ";") || word(end, "loop") { break }
            end += 1
        }
        let text = String(characters[tokens[index].start..<tokens[end - 1].end])
        analysis.dynamicStatements.append(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    // MARK: NEW

    private mutating func recordNewAssignment(at index: Int) {
        let startsStatement = index == 0 || symbol(index - 1, ";")
            || ["begin", "then", "else", "loop"].contains { word(index - 1, $0) }
        if symbol(index + 1, ":=") || (startsStatement && symbol(index + 1, "=")) {
            analysis.replacesNew = true
            return
        }
        guard symbol(index + 1, "."), index + 2 < tokens.count, tokens[index + 2].isIdentifier else { return }
        let column = tokens[index + 2].text
        let assigns = symbol(index + 3, ":=") || (startsStatement && symbol(index + 3, "="))
            || (index >= 2 && word(index - 1, "into") && !word(index - 2, "insert") && !word(index - 2, "merge"))
            || (symbol(index - 1, ",") && intoListContains(comma: index - 1))
        if assigns, !analysis.assignedNewColumns.contains(column) { analysis.assignedNewColumns.append(column) }
    }

    /// Whether the comma at `index` continues a `SELECT … INTO NEW.a, NEW.b` target list.
    private func intoListContains(comma index: Int) -> Bool {
        var cursor = index
        while cursor >= 3, symbol(cursor, ","), tokens[cursor - 1].isIdentifier, symbol(cursor - 2, "."), word(cursor - 3, "new") {
            if word(cursor - 4, "into") { return true }
            cursor -= 4
        }
        return false
    }

    // MARK: Calls

    private mutating func recordCall(at index: Int) {
        guard tokens[index].isIdentifier, symbol(index + 1, "("), !tableTokens.contains(index) else { return }
        let token = tokens[index]
        if token.kind == .word, Self.keywords.contains(token.text) || Self.builtins.contains(token.text) { return }
        if word(index - 1, "as") { return }
        var reference = FunctionReference(name: token.text)
        if symbol(index - 1, "."), index >= 2, tokens[index - 2].isIdentifier {
            guard !word(index - 2, "new"), !word(index - 2, "old") else { return }
            reference.schema = tokens[index - 2].text
        }
        if !analysis.calledFunctions.contains(reference) { analysis.calledFunctions.append(reference) }
    }

    // MARK: Token helpers

    private func word(_ index: Int, _ keyword: String) -> Bool {
        index >= 0 && index < tokens.count && tokens[index].isWord(keyword)
    }

    private func symbol(_ index: Int, _ text: String) -> Bool {
        index >= 0 && index < tokens.count && tokens[index].isSymbol(text)
    }

    private func closingParenthesis(from open: Int) -> Int {
        var depth = 0
        var index = open
        while index < tokens.count {
            if symbol(index, "(") { depth += 1 }
            if symbol(index, ")") { depth -= 1 }
            if depth == 0 { return index }
            index += 1
        }
        return index
    }

    /// Words that precede `(` without being a call, or never name a table.
    static let keywords: Set<String> = [
        "all", "and", "any", "array", "as", "between", "by", "case", "cast", "check", "conflict", "cube", "distinct",
        "do", "else", "elsif", "end", "except", "exists", "extract", "filter", "from", "grouping", "if", "in", "intersect",
        "into", "is", "join", "lateral", "like", "loop", "not", "on", "or", "over", "overlay", "partition", "perform",
        "position", "query", "recursive", "return", "returning", "rollup", "row", "select", "set", "sets", "some",
        "substring", "table", "then", "trim", "union", "using", "values", "when", "where", "while", "window", "with",
        "within",
        // Types written with a length or precision.
        "bit", "char", "character", "dec", "decimal", "float", "interval", "numeric", "time", "timestamp", "varchar",
        "varying",
    ]

    /// Built-in functions that are common in trigger bodies; calls to them never reach user code.
    static let builtins: Set<String> = [
        "abs", "age", "array_agg", "array_append", "array_length", "array_to_string", "avg", "cardinality", "ceil",
        "clock_timestamp", "coalesce", "concat", "concat_ws", "count", "current_setting", "currval", "date_part",
        "date_trunc", "floor", "format", "gen_random_uuid", "generate_series", "greatest", "json_build_object",
        "jsonb_build_object", "jsonb_set", "least", "left", "length", "lower", "make_date", "max", "md5", "min",
        "nextval", "now", "nullif", "pg_notify", "quote_ident", "quote_literal", "quote_nullable", "random",
        "regexp_replace", "replace", "right", "round", "row_to_json", "set_config", "setval", "split_part",
        "statement_timestamp", "string_agg", "sum", "to_char", "to_date", "to_json", "to_jsonb", "to_number",
        "to_timestamp", "transaction_timestamp", "trunc", "unnest", "upper",
    ]
}
