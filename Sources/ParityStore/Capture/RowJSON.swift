import Foundation

/// The JSON text forms of keys and row images in the store (see migrations/002_capture.sql).
///
/// Encoding is hand-written and deterministic (image keys sorted) because it runs once per
/// captured row; decoding is rare (merging unchanged columns, reading state) and uses Foundation.
public enum RowJSON {
    /// A key: `["1017"]`, `["EU",null]`.
    public static func key(_ values: [String?]) -> String {
        var writer = RowJSONWriter.array()
        for value in values {
            if let value { writer.string(value) } else { writer.null() }
        }
        return writer.finish()!  // every part is a String, so valid UTF-8
    }

    /// An image: `{"amount":"12.50","note":null}`, keys sorted.
    public static func image(_ values: [String: String?]) -> String {
        var writer = RowJSONWriter.object()
        for (name, value) in values.sorted(by: { $0.key < $1.key }) {
            writer.member(name)
            if let value { writer.string(value) } else { writer.null() }
        }
        return writer.finish()!  // every part is a String, so valid UTF-8
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
}

extension RowJSON {
    /// Counts per name: `{"missing_in_new":2}`, keys sorted.
    public static func counts(_ counts: [String: Int]) -> String {
        var writer = RowJSONWriter.object()
        for (name, count) in counts.sorted(by: { $0.key < $1.key }) {
            writer.member(name)
            writer.number(count)
        }
        return writer.finish()!  // every part is a String, so valid UTF-8
    }

    /// Decodes `counts(_:)`; empty when the text is not such an object.
    public static func decodeCounts(_ text: String) -> [String: Int] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Int]) ?? [:]
    }
}
