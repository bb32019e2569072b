import ExactNumeric

/// Recursive-descent parser for source expressions; offsets count characters.
struct SourceExpressionParser {
    private typealias Node = SourceExpressionNode

    private let characters: [Character]
    private var position = 0

    /// A parser over `text`.
    init(_ text: String) {
        characters = Array(text)
    }

    /// Parses the whole text as one expression.
    mutating func parseExpression() throws(SourceExpressionError) -> SourceExpressionNode {
        let node = try parseSum()
        skipSpaces()
        if let extra = current {
            throw failure("unexpected '\(extra)' after a complete expression", fix: "join terms with +, -, * or /")
        }
        return node
    }

    // MARK: Grammar

    private mutating func parseSum() throws(SourceExpressionError) -> Node {
        var node = try parseProduct()
        while let op = nextOperator(["+": .add, "-": .subtract]) {
            node = .binary(op, node, try parseProduct())
        }
        return node
    }

    private mutating func parseProduct() throws(SourceExpressionError) -> Node {
        var node = try parseUnary()
        while let op = nextOperator(["*": .multiply, "/": .divide]) {
            node = .binary(op, node, try parseUnary())
        }
        return node
    }

    private mutating func parseUnary() throws(SourceExpressionError) -> Node {
        skipSpaces()
        guard current == "-" else { return try parsePrimary() }
        position += 1
        return .negation(try parseUnary())
    }

    private mutating func parsePrimary() throws(SourceExpressionError) -> Node {
        skipSpaces()
        guard let character = current else { throw expectedOperand() }
        if character.isASCII, character.isNumber { return .number(try parseNumber()) }
        if character == "\"" { return .column(try parseQuotedIdentifier()) }
        if character == "(" {
            let opening = position
            position += 1
            let node = try parseSum()
            try expectClosingParenthesis(openedAt: opening)
            return node
        }
        guard Self.startsIdentifier(character) else { throw expectedOperand() }
        let start = position
        let name = parseWord().lowercased()
        skipSpaces()
        guard current == "(" else { return .column(name) }
        guard name == "round" else {
            throw SourceExpressionError(
                message: "unknown function '\(name)'", offset: start,
                fix: "only round(expr, scale) and round(expr, scale, mode) are supported"
            )
        }
        return try parseRoundArguments()
    }

    /// `(expr, scale[, mode])` after the name `round`.
    private mutating func parseRoundArguments() throws(SourceExpressionError) -> Node {
        let opening = position
        position += 1
        let operand = try parseSum()
        try expectRoundComma()
        let scale = try parseScale()
        skipSpaces()
        var mode = RoundingMode.halfUp
        if current == "," {
            position += 1
            mode = try parseMode()
        }
        try expectClosingParenthesis(openedAt: opening)
        return .round(operand, scale: scale, mode: mode)
    }

    // MARK: Tokens

    private mutating func parseNumber() throws(SourceExpressionError) -> ExactDecimal {
        let start = position
        skipDigits()
        if current == "." {
            position += 1
            guard let digit = current, digit.isASCII, digit.isNumber else {
                throw failure("expected a digit after '.'", fix: "write e.g. 1.0 or 1")
            }
            skipDigits()
        }
        // Only ASCII digits and one inner point were consumed, so PostgreSQL's numeric syntax accepts them.
        return ExactDecimal(String(characters[start..<position]))!
    }

    private mutating func parseQuotedIdentifier() throws(SourceExpressionError) -> String {
        let opening = position
        position += 1
        var name = ""
        while let character = current {
            position += 1
            guard character == "\"" else {
                name.append(character)
                continue
            }
            guard current == "\"" else {
                guard !name.isEmpty else {
                    throw SourceExpressionError(
                        message: "empty quoted identifier", offset: opening, fix: "write a column name between the quotes"
                    )
                }
                return name
            }
            name.append("\"")
            position += 1
        }
        throw SourceExpressionError(
            message: "unterminated quoted identifier", offset: opening, fix: "close the name with '\"' (write \"\" for a quote inside)"
        )
    }

    private mutating func parseScale() throws(SourceExpressionError) -> Int {
        skipSpaces()
        let start = position
        if current == "-" { position += 1 }
        let digitsStart = position
        skipDigits()
        let range = -ExactDecimal.maxScale...ExactDecimal.maxScale
        guard position > digitsStart, current != ".",
              let scale = Int(String(characters[start..<position])), range.contains(scale) else {
            position = start
            throw failure("expected an integer scale in round(...)", fix: Self.roundUsage)
        }
        return scale
    }

    private mutating func parseMode() throws(SourceExpressionError) -> RoundingMode {
        skipSpaces()
        let start = position
        let name = current.map(Self.startsIdentifier) == true ? parseWord() : ""
        guard let mode = RoundingMode(rawValue: name) else {
            position = start
            let known = RoundingMode.allCases.map(\.rawValue).joined(separator: ", ")
            let problem = name.isEmpty ? "expected a rounding mode" : "unknown rounding mode '\(name)'"
            throw failure(problem, fix: "use one of: \(known)")
        }
        return mode
    }

    private mutating func parseWord() -> String {
        let start = position
        while let character = current, Self.continuesIdentifier(character) { position += 1 }
        return String(characters[start..<position])
    }

    private mutating func expectRoundComma() throws(SourceExpressionError) {
        skipSpaces()
        guard current == "," else { throw failure("expected ',' and a scale in round(...)", fix: Self.roundUsage) }
        position += 1
    }

    private mutating func expectClosingParenthesis(openedAt opening: Int) throws(SourceExpressionError) {
        skipSpaces()
        guard current == ")" else { throw failure("expected ')'", fix: "close the '(' opened at \(opening)") }
        position += 1
    }

    /// Consumes and returns the operator at the cursor if it is one of `operators`.
    private mutating func nextOperator(
        _ operators: [Character: Node.ArithmeticOperator]
    ) -> Node.ArithmeticOperator? {
        skipSpaces()
        guard let character = current, let op = operators[character] else { return nil }
        position += 1
        return op
    }

    // MARK: Cursor

    private var current: Character? {
        position < characters.count ? characters[position] : nil
    }

    private mutating func skipSpaces() {
        while let character = current, character.isWhitespace { position += 1 }
    }

    private mutating func skipDigits() {
        while let character = current, character.isASCII, character.isNumber { position += 1 }
    }

    private func expectedOperand() -> SourceExpressionError {
        failure("expected a column name, a number or '('", fix: "write e.g. qty * unit_price")
    }

    private func failure(_ message: String, fix: String) -> SourceExpressionError {
        SourceExpressionError(message: message, offset: position, fix: fix)
    }

    private static let roundUsage = "write round(expr, 2) or round(expr, 2, half_even)"

    private static func startsIdentifier(_ character: Character) -> Bool {
        character == "_" || (character.isASCII && character.isLetter)
    }

    private static func continuesIdentifier(_ character: Character) -> Bool {
        startsIdentifier(character) || (character.isASCII && character.isNumber)
    }
}
