/// Splits SQL or PL/pgSQL text into tokens, dropping `--` and (nested) `/* */` comments and
/// keeping string literals ('…' with doubled quotes, E'…' with backslash escapes, $tag$…$tag$)
/// as single opaque tokens, so words inside comments and strings are never mistaken for SQL.
public enum SQLTokenizer {
    /// The tokens of `text`; unterminated comments and literals run to the end of the text.
    public static func tokens(_ text: String) -> [SQLToken] {
        var scanner = Scanner(characters: Array(text))
        var tokens: [SQLToken] = []
        while let token = scanner.next() { tokens.append(token) }
        return tokens
    }

    /// A body normalized for hashing: comments dropped, tokens joined by single spaces, literals exact.
    public static func normalized(_ text: String) -> String {
        let characters = Array(text)
        return tokens(text).map { String(characters[$0.start..<$0.end]) }.joined(separator: " ")
    }

    private struct Scanner {
        let characters: [Character]
        var index = 0

        init(characters: [Character]) { self.characters = characters }

        private func peek(_ offset: Int = 0) -> Character? {
            index + offset < characters.count ? characters[index + offset] : nil
        }

        mutating func next() -> SQLToken? {
            skipSpaceAndComments()
            guard let character = peek() else { return nil }
            let start = index
            if character == "'" { return literal(from: start, backslashEscapes: false) }
            if character == "\"" { return quotedIdentifier(from: start) }
            if character == "$" {
                if let following = peek(1), following.isASCII, following.isNumber {
                    index += 1
                    while let digit = peek(), digit.isASCII, digit.isNumber { index += 1 }
                    return token(.number, from: start)
                }
                if let tag = dollarTag() { return dollarQuoted(tag, from: start) }
            }
            if Self.startsWord(character) { return word(from: start) }
            if character.isASCII, character.isNumber { return number(from: start) }
            return symbol(from: start)
        }

        private mutating func skipSpaceAndComments() {
            while let character = peek() {
                if character.isWhitespace {
                    index += 1
                } else if character == "-", peek(1) == "-" {
                    while let next = peek(), !next.isNewline { index += 1 }
                } else if character == "/", peek(1) == "*" {
                    var depth = 0
                    while peek() != nil {
                        if peek() == "/", peek(1) == "*" {
                            depth += 1
                            index += 2
                        } else if peek() == "*", peek(1) == "/" {
                            depth -= 1
                            index += 2
                            if depth == 0 { break }
                        } else {
                            index += 1
                        }
                    }
                } else {
                    return
                }
            }
        }

        private mutating func literal(from start: Int, backslashEscapes: Bool) -> SQLToken {
            index += 1
            while let character = peek() {
                if backslashEscapes, character == "\\" {
                    index += 2
                } else if character == "'" {
                    index += 1
                    guard peek() == "'" else { break }
                    index += 1
                } else {
                    index += 1
                }
            }
            index = min(index, characters.count)
            return token(.string, from: start)
        }

        private mutating func quotedIdentifier(from start: Int) -> SQLToken {
            index += 1
            var name = ""
            while let character = peek() {
                index += 1
                if character == "\"" {
                    guard peek() == "\"" else { break }
                    index += 1
                }
                name.append(character)
            }
            return SQLToken(kind: .quotedIdentifier, text: name, start: start, end: index)
        }

        /// The `$tag$` opening at the current position, if it is one.
        private func dollarTag() -> String? {
            var offset = 1
            while let character = peek(offset), character != "$" {
                guard offset > 1 ? Self.continuesWord(character) : Self.startsWord(character) else { return nil }
                offset += 1
            }
            guard peek(offset) == "$" else { return nil }
            return String(characters[index...(index + offset)])
        }

        private mutating func dollarQuoted(_ tag: String, from start: Int) -> SQLToken {
            let tagCharacters = Array(tag)
            index += tagCharacters.count
            while index < characters.count {
                if characters[index] == "$", index + tagCharacters.count <= characters.count,
                   Array(characters[index..<(index + tagCharacters.count)]) == tagCharacters {
                    index += tagCharacters.count
                    return token(.string, from: start)
                }
                index += 1
            }
            return token(.string, from: start)
        }

        private mutating func word(from start: Int) -> SQLToken {
            while let character = peek(), Self.continuesWord(character) { index += 1 }
            let word = String(characters[start..<index]).lowercased()
            if peek() == "'", ["e", "b", "x", "n"].contains(word) {
                return literal(from: start, backslashEscapes: word == "e")
            }
            if word == "u", peek() == "&", peek(1) == "'" {
                index += 1
                return literal(from: start, backslashEscapes: false)
            }
            return SQLToken(kind: .word, text: word, start: start, end: index)
        }

        private mutating func number(from start: Int) -> SQLToken {
            while let character = peek(), character.isASCII, character.isNumber || character == "." || character == "_" {
                if character == ".", peek(1) == "." { break }
                index += 1
            }
            return token(.number, from: start)
        }

        private static let pairs: Set<String> = [":=", "::", "<>", "!=", ">=", "<=", "=>", "||", ".."]

        private mutating func symbol(from start: Int) -> SQLToken {
            if let second = peek(1), Self.pairs.contains(String([characters[index], second])) {
                index += 2
            } else {
                index += 1
            }
            return token(.symbol, from: start)
        }

        private func token(_ kind: SQLToken.Kind, from start: Int) -> SQLToken {
            SQLToken(kind: kind, text: String(characters[start..<index]), start: start, end: index)
        }

        private static func startsWord(_ character: Character) -> Bool {
            character == "_" || character.isLetter
        }

        private static func continuesWord(_ character: Character) -> Bool {
            character == "_" || character == "$" || character.isLetter || character.isNumber
        }
    }
}
