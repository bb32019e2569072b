import Foundation

/// A PostgreSQL table name qualified by its schema (`schema.table`, schema `public` when omitted).
///
/// Parsing follows SQL: unquoted identifiers fold to lower case, double-quoted identifiers
/// (`"Sales"."Order Lines"`) keep their exact spelling and may contain `""` for a quote.
public struct QualifiedName: Sendable, Hashable, CustomStringConvertible {
    /// The schema, exactly as stored in the catalog.
    public var schema: String
    /// The table, exactly as stored in the catalog.
    public var name: String

    /// Creates a name from catalog spellings.
    public init(schema: String = "public", name: String) {
        self.schema = schema
        self.name = name
    }

    /// Why a qualified name could not be parsed.
    public struct ParseError: Error, Sendable, Hashable, CustomStringConvertible {
        /// What is wrong with the text.
        public var reason: String
        /// The reason.
        public var description: String { reason }
    }

    /// Parses `table`, `schema.table` or their double-quoted forms.
    public init(parsing text: String) throws(ParseError) {
        let parts = try Self.identifiers(in: Array(text.trimmingCharacters(in: .whitespaces)))
        switch parts.count {
        case 1: self.init(name: parts[0])
        case 2: self.init(schema: parts[0], name: parts[1])
        default:
            throw ParseError(reason: "has \(parts.count) dot-separated parts; write schema.table")
        }
    }

    /// The name as it would be written in SQL, quoting only where needed.
    public var description: String {
        "\(Self.render(schema)).\(Self.render(name))"
    }

    private static func render(_ identifier: String) -> String {
        let plain = identifier.first.map { $0 == "_" || ("a"..."z").contains($0) } ?? false
            && identifier.allSatisfy { $0 == "_" || $0 == "$" || ("a"..."z").contains($0) || ("0"..."9").contains($0) }
        if plain { return identifier }
        return "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private static func identifiers(in characters: [Character]) throws(ParseError) -> [String] {
        var parts: [String] = []
        var index = 0
        while true {
            guard index < characters.count else {
                throw ParseError(reason: parts.isEmpty ? "is empty" : "ends with a dot")
            }
            if characters[index] == "\"" {
                index += 1
                var identifier = ""
                var closed = false
                while index < characters.count {
                    if characters[index] == "\"" {
                        if index + 1 < characters.count, characters[index + 1] == "\"" {
                            identifier.append("\"")
                            index += 2
                            continue
                        }
                        index += 1
                        closed = true
                        break
                    }
                    identifier.append(characters[index])
                    index += 1
                }
                guard closed else { throw ParseError(reason: "has an unterminated double quote") }
                guard !identifier.isEmpty else { throw ParseError(reason: "has an empty quoted identifier") }
                parts.append(identifier)
            } else {
                var identifier = ""
                while index < characters.count, isIdentifierCharacter(characters[index]) {
                    identifier.append(characters[index])
                    index += 1
                }
                guard let first = identifier.first else {
                    throw ParseError(reason: "has an unexpected '\(characters[index])' at position \(index + 1)")
                }
                guard !first.isNumber, first != "$" else {
                    throw ParseError(reason: "has an identifier starting with '\(first)'")
                }
                parts.append(identifier.lowercased())
            }
            guard index < characters.count else { return parts }
            guard characters[index] == "." else {
                throw ParseError(reason: "has an unexpected '\(characters[index])' at position \(index + 1)")
            }
            index += 1
        }
    }

    private static func isIdentifierCharacter(_ character: Character) -> Bool {
        character == "_" || character == "$" || (character.isASCII && (character.isLetter || character.isNumber))
    }
}
