import Foundation

/// Escaping shared by the renderers: terminal-safe text, HTML text and attributes, RFC 4180 CSV fields.
///
/// Text and CSV show a value's control characters as escapes, so no value can move the cursor, retitle the terminal,
/// start a report line of its own or reorder what is printed: `\n`, `\r` and `\t`; `\xHH` for the other ASCII controls
/// (U+0000–U+001F, ESC is `\x1b`, and DEL `\x7f`); `\uHHHH` for the C1 controls (U+0080–U+009F), the line and paragraph
/// separators (U+2028, U+2029) and the bidirectional controls (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069).
/// A backslash is never doubled: text without such characters is shown byte for byte as before, and escaping twice
/// changes nothing. So `\n` in a text report may also be the two characters a value held; JSON has every value exact.
enum Escaping {
    /// The widest a row value or a table cell is shown in a text report, in characters: longer ones are cut to end in `…`.
    /// JSON and CSV carry them whole.
    static let textWidth = 80

    /// `text` with every control, line separator and bidirectional control written as its escape (see the type).
    static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isHidden) else { return text }
        var shown = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isHidden(scalar) { shown.append(contentsOf: escape(scalar).unicodeScalars) } else { shown.append(scalar) }
        }
        return String(shown)
    }

    /// `visible(text)` cut to `textWidth` characters, the last one `…`, when it is longer.
    static func shortened(_ text: String) -> String {
        let head = visible(String(text.prefix(textWidth + 1)))
        return head.count > textWidth ? String(head.prefix(textWidth - 1)) + "…" : head
    }

    /// A text report's lines, each made `visible`, joined by and ending in a newline.
    static func lines(_ lines: [String]) -> String {
        lines.map(visible).joined(separator: "\n") + "\n"
    }

    /// `text` with `& < > " '` replaced by character references.
    static func html(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// One CSV field, made `visible` (so no CR or LF is left in it for a line-based reader to split on), then quoted,
    /// with quotes doubled, when it holds a comma or a quote.
    static func csv(_ field: String) -> String {
        let field = spreadsheetSafe(visible(field))
        guard field.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A cell a spreadsheet would run as a formula (`=`, `+`, `-` or `@` first, and more than a number) gets a leading
    /// `'`, which Excel and LibreOffice show as text (OWASP's CSV injection advice); numbers such as `-12.50` stay numbers.
    static func spreadsheetSafe(_ field: String) -> String {
        guard let first = field.unicodeScalars.first, "=+-@".unicodeScalars.contains(first), field.unicodeScalars.count > 1,
              field.range(of: #"^[+-]?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?$"#, options: .regularExpression) == nil else { return field }
        return "'" + field
    }

    /// One CSV record ending in CRLF.
    static func csvRecord(_ fields: [String]) -> String {
        fields.map(csv).joined(separator: ",") + "\r\n"
    }

    /// Whether `scalar` is one `visible` escapes.
    private static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x061C, 0x200E, 0x200F, 0x2028...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// `\n`, `\r`, `\t`, `\xHH` for another ASCII control, `\uHHHH` for anything else.
    private static func escape(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\n": return "\\n"
        case "\r": return "\\r"
        case "\t": return "\\t"
        default:
            let hex = String(scalar.value, radix: 16)
            let digits = scalar.isASCII ? 2 : 4
            return (scalar.isASCII ? "\\x" : "\\u") + String(repeating: "0", count: digits - hex.count) + hex
        }
    }
}
