import Foundation

/// Escaping shared by the renderers: HTML text and attributes, RFC 4180 CSV fields.
enum Escaping {
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

    /// One CSV field: quoted, with quotes doubled, when it holds a comma, quote, CR or LF.
    static func csv(_ field: String) -> String {
        guard field.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// One CSV record ending in CRLF.
    static func csvRecord(_ fields: [String]) -> String {
        fields.map(csv).joined(separator: ",") + "\r\n"
    }
}
