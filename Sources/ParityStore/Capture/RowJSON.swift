import Foundation

/// The JSON text forms of keys and row images in the store (see migrations/002_capture.sql).
///
/// Encoding is hand-written and deterministic (image keys sorted) because it runs once per
/// captured row; decoding is rare (merging unchanged columns, reading state) and uses Foundation.
public enum RowJSON {
    /// A key: `["1017"]`, `["EU",null]`.
    public static func key(_ values: [String?]) -> String {
        var text = "["
        for (index, value) in values.enumerated() {
            if index > 0 { text += "," }
            append(value, to: &text)
        }
        return text + "]"
    }

    /// An image: `{"amount":"12.50","note":null}`, keys sorted.
    public static func image(_ values: [String: String?]) -> String {
        var text = "{"
        for (index, name) in values.keys.sorted().enumerated() {
            if index > 0 { text += "," }
            append(name, to: &text)
            text += ":"
            append(values[name]!, to: &text)
        }
        return text + "}"
    }

    /// Decodes an image written by `image(_:)`; nil when the text is not such an object.
    public static func decodeImage(_ text: String) -> [String: String?]? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else { return nil }
        var image: [String: String?] = [:]
        for (name, value) in object {
            switch value {
            case let string as String: image[name] = .some(string)
            case is NSNull: image[name] = .some(nil)
            default: return nil
            }
        }
        return image
    }

    /// Decodes a key written by `key(_:)`.
    public static func decodeKey(_ text: String) -> [String?]? {
        guard let array = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [Any] else { return nil }
        return array.map { $0 as? String }
    }

    fileprivate static func append(_ value: String?, to text: inout String) {
        guard let value else {
            text += "null"
            return
        }
        text += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case let control where control.value < 0x20:
                text += "\\u" + String(repeating: "0", count: 4 - String(control.value, radix: 16).count)
                    + String(control.value, radix: 16)
            default: text.unicodeScalars.append(scalar)
            }
        }
        text += "\""
    }
}

extension RowJSON {
    /// Counts per name: `{"missing_in_new":2}`, keys sorted.
    public static func counts(_ counts: [String: Int]) -> String {
        "{" + counts.keys.sorted().map { name -> String in
            var text = ""
            append(name, to: &text)
            return text + ":\(counts[name]!)"
        }.joined(separator: ",") + "}"
    }

    /// Decodes `counts(_:)`; empty when the text is not such an object.
    public static func decodeCounts(_ text: String) -> [String: Int] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Int]) ?? [:]
    }
}
