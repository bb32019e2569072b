/// One lexical token of SQL or PL/pgSQL text, as `SQLTokenizer` produces it.
public struct SQLToken: Sendable, Hashable {
    /// What kind of token it is.
    public enum Kind: Sendable, Hashable {
        /// An unquoted identifier or keyword, folded to lower case.
        case word
        /// A double-quoted identifier, unescaped and case kept.
        case quotedIdentifier
        /// A string literal ('…', E'…', $tag$…$tag$), kept raw.
        case string
        /// A number or a positional parameter (`$1`).
        case number
        /// Punctuation or an operator (`(`, `;`, `.`, `:=`, `=`, `<>`, …).
        case symbol
    }

    /// The token's kind.
    public var kind: Kind
    /// The token's value: lower-cased word, unescaped identifier, raw literal or symbol text.
    public var text: String
    /// The token's first character offset in the source text.
    public var start: Int
    /// The offset just past the token's last character.
    public var end: Int

    /// Whether this is the unquoted word `keyword` (lower case).
    func isWord(_ keyword: String) -> Bool { kind == .word && text == keyword }

    /// Whether this is the symbol `symbol`.
    func isSymbol(_ symbol: String) -> Bool { kind == .symbol && text == symbol }

    /// Whether this token can name an object (an unquoted or quoted identifier).
    var isIdentifier: Bool { kind == .word || kind == .quotedIdentifier }
}
