import ExactNumeric

/// Recursive-descent parser of `RowFilter` text: `or` binds looser than `and`, `not` tighter.
struct RowFilterParser {
    private enum Token: Equatable {
        case word(String)
        case quoted(String)
        case number(String)
        case symbol(String)
        case end
    }

    private let characters: [Character]
    private var position = 0
    private var tokenStart = 0
    private var current: Token = .end

    init(text: String) {
        characters = Array(text)
    }

    mutating func parse() throws(RowFilterError) -> RowFilter.Node {
        try advance()
        let node = try parseOr()
        guard current == .end else { throw failure("unexpected \(describe(current))") }
        return node
    }

    private mutating func parseOr() throws(RowFilterError) -> RowFilter.Node {
        var node = try parseAnd()
        while isKeyword("or") {
            try advance()
            node = .or(node, try parseAnd())
        }
        return node
    }

    private mutating func parseAnd() throws(RowFilterError) -> RowFilter.Node {
        var node = try parseNot()
        while isKeyword("and") {
            try advance()
            node = .and(node, try parseNot())
        }
        return node
    }

    private mutating func parseNot() throws(RowFilterError) -> RowFilter.Node {
        if isKeyword("not") {
            try advance()
            return .not(try parseNot())
        }
        if current == .symbol("(") {
            try advance()
            let node = try parseOr()
            try expect(.symbol(")"), "expected ')'")
            return node
        }
        return try parsePredicate()
    }

    private mutating func parsePredicate() throws(RowFilterError) -> RowFilter.Node {
        guard case .word(let column) = current, !Self.keywords.contains(column.lowercased()) else {
            throw failure("expected a column name, found \(describe(current))")
        }
        try advance()
        var term = RowFilter.Term(column: column)
        if current == .symbol("%") {
            try advance()
            guard case .number(let text) = current, let modulus = ExactDecimal(text), modulus.normalized.scale <= 0,
                  modulus > .zero else {
                throw failure("expected a positive whole number after %, found \(describe(current))")
            }
            term.modulus = modulus
            try advance()
        }
        if term.modulus == nil, isKeyword("is") {
            try advance()
            let negated = isKeyword("not")
            if negated { try advance() }
            guard isKeyword("null") else { throw failure("expected null after is") }
            try advance()
            return .isNull(column: column, negated: negated)
        }
        let negated = isKeyword("not")
        if negated { try advance() }
        if isKeyword("in") {
            try advance()
            try expect(.symbol("("), "expected '(' after in")
            var literals = [try parseLiteral()]
            while current == .symbol(",") {
                try advance()
                literals.append(try parseLiteral())
            }
            try expect(.symbol(")"), "expected ')' closing the in list")
            return .inList(term, literals: literals, negated: negated)
        }
        guard !negated else { throw failure("expected in after not") }
        guard case .symbol(let symbol) = current,
              let op = RowFilter.ComparisonOperator(rawValue: symbol == "!=" ? "<>" : symbol) else {
            throw failure("expected a comparison (=, <>, <, <=, >, >=, is null, in) after \(column)")
        }
        try advance()
        return .compare(term, op: op, literal: try parseLiteral())
    }

    private mutating func parseLiteral() throws(RowFilterError) -> String {
        switch current {
        case .quoted(let text), .number(let text):
            try advance()
            return text
        case .word(let word) where ["true", "false"].contains(word.lowercased()):
            try advance()
            return word.lowercased() == "true" ? "t" : "f"
        default:
            throw failure("expected a quoted text, a number, true or false, found \(describe(current))")
        }
    }

    private static let keywords: Set<String> = ["and", "or", "not", "is", "null", "in", "true", "false"]

    private func isKeyword(_ keyword: String) -> Bool {
        if case .word(let word) = current { return word.lowercased() == keyword }
        return false
    }

    private mutating func expect(_ token: Token, _ message: String) throws(RowFilterError) {
        guard current == token else { throw failure("\(message), found \(describe(current))") }
        try advance()
    }

    private func failure(_ message: String) -> RowFilterError {
        RowFilterError(message: message, offset: tokenStart)
    }

    private func describe(_ token: Token) -> String {
        switch token {
        case .word(let text), .number(let text), .symbol(let text): return "'\(text)'"
        case .quoted(let text): return "'\(text)' (text)"
        case .end: return "the end of the filter"
        }
    }

    /// Reads the next token into `current`.
    private mutating func advance() throws(RowFilterError) {
        while position < characters.count, characters[position].isWhitespace { position += 1 }
        tokenStart = position
        guard position < characters.count else { current = .end; return }
        let character = characters[position]
        if character == "'" {
            current = .quoted(try readQuoted())
        } else if character == "\"" {
            current = .word(try readQuotedIdentifier())
        } else if character.isNumber || (character == "-" && position + 1 < characters.count && characters[position + 1].isNumber) {
            let start = position
            position += 1
            while position < characters.count, characters[position].isNumber || characters[position] == "." { position += 1 }
            current = .number(String(characters[start..<position]))
        } else if character.isLetter || character == "_" {
            let start = position
            while position < characters.count, characters[position].isLetter || characters[position].isNumber
                || characters[position] == "_" { position += 1 }
            current = .word(String(characters[start..<position]))
        } else {
            let two = position + 1 < characters.count ? String(characters[position...position + 1]) : ""
            if ["<=", ">=", "<>", "!="].contains(two) {
                position += 2
                current = .symbol(two)
            } else if "=<>(),%".contains(character) {
                position += 1
                current = .symbol(String(character))
            } else {
                throw failure("unexpected character '\(character)'")
            }
        }
    }

    /// A single-quoted text; `''` inside is one quote.
    private mutating func readQuoted() throws(RowFilterError) -> String {
        try readDelimited(by: "'", what: "text")
    }

    /// A double-quoted identifier; `""` inside is one quote.
    private mutating func readQuotedIdentifier() throws(RowFilterError) -> String {
        try readDelimited(by: "\"", what: "identifier")
    }

    private mutating func readDelimited(by delimiter: Character, what: String) throws(RowFilterError) -> String {
        position += 1
        var text = ""
        while position < characters.count {
            let character = characters[position]
            position += 1
            if character == delimiter {
                guard position < characters.count, characters[position] == delimiter else { return text }
                position += 1
            }
            text.append(character)
        }
        throw failure("unterminated quoted \(what)")
    }
}
