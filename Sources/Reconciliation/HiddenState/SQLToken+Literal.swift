extension SQLToken {
    /// A string literal's value: quotes and `$tag$` delimiters removed, doubled quotes and (in `E'…'`)
    /// backslash escapes undone. Nil for any other token.
    var literalValue: String? {
        guard kind == .string else { return nil }
        var raw = Substring(text)
        if raw.hasPrefix("$") {
            guard let close = raw.dropFirst().firstIndex(of: "$") else { return nil }
            let tag = raw[raw.startIndex...close]
            let inner = raw[raw.index(after: close)...]
            return String(inner.hasSuffix(tag) ? inner.dropLast(tag.count) : inner)
        }
        let escapes = raw.first == "e" || raw.first == "E"
        raw = raw.drop { $0 != "'" }.dropFirst()
        if raw.hasSuffix("'") { raw = raw.dropLast() }
        var value = ""
        var characters = raw
        while let character = characters.first {
            characters = characters.dropFirst()
            if character == "'", characters.first == "'" {
                characters = characters.dropFirst()
            } else if escapes, character == "\\", let escaped = characters.first {
                characters = characters.dropFirst()
                value.append(Self.escaped[escaped] ?? escaped)
                continue
            }
            value.append(character)
        }
        return value
    }

    private static let escaped: [Character: Character] = ["n": "\n", "t": "\t", "r": "\r"]
}
