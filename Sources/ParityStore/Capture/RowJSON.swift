import Foundation

/// The JSON text forms of keys and row images in the store (see migrations/002_capture.sql).
///
/// Both directions are hand-written: encoding is deterministic (image keys sorted) and runs once per
/// captured row; decoding (`RowJSONDecoder`) runs once per row a cycle close reads.
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
        RowJSONDecoder.image(text)
    }

    /// Decodes a key written by `key(_:)`; nil when the text is not such an array.
    public static func decodeKey(_ text: String) -> [String?]? {
        RowJSONDecoder.array(text)
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
