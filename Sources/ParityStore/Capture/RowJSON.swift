import Foundation
import ParityModel

/// The JSON text forms of keys and row images in the store (migrations/002_capture.sql, 011_image_layout.sql).
///
/// Both directions are hand-written: encoding is deterministic (object keys sorted) and runs once per
/// captured row; decoding (`RowJSONDecoder`) runs once per row a cycle close reads.
public enum RowJSON {
    /// A key: `["1017"]`, `["EU",null]`.
    public static func key(_ values: [String?]) -> String {
        var writer = RowJSONWriter.array()
        for value in values {
            if let value { writer.string(value) } else { writer.null() }
        }
        return writer.finish()!  // every part is a String, so valid UTF-8
    }

    /// An object of strings or nulls, `{"amount":"12.50","note":null}`, keys sorted: a finding's key, an
    /// aggregate's group. (Stored row images are positional: `image(layout:values:)`.)
    public static func image(_ values: [String: String?]) -> String {
        var writer = RowJSONWriter.object()
        for (name, value) in values.sorted(by: { $0.key < $1.key }) {
            writer.member(name)
            if let value { writer.string(value) } else { writer.null() }
        }
        return writer.finish()!  // every part is a String, so valid UTF-8
    }

    /// A stored image (`ImageLayouts`): its layout's id, then its values in the layout's column order,
    /// `[3,"12.50",null]`.
    public static func image(layout: Int64, values: [String?]) -> String {
        var writer = RowJSONWriter.array(capacity: 16 * values.count + 8)
        writer.number(Int(layout))
        for value in values {
            if let value { writer.string(value) } else { writer.null() }
        }
        return writer.finish()!  // every part is a String, so valid UTF-8
    }

    /// Decodes an image written by `image(_:)`; nil when the text is not such an object.
    public static func decodeImage(_ text: String) -> [String: String?]? {
        RowJSONDecoder.image(text)
    }

    /// Decodes a key written by `key(_:)`; nil when the text is not such an array.
    public static func decodeKey(_ text: String) -> [String?]? {
        RowJSONDecoder.array(text)
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

    /// Decodes a JSON array of names (strings, no null): publications, functions, contract ids; nil otherwise.
    public static func decodeNames(_ text: String) -> [String]? {
        guard let values = RowJSONDecoder.array(text) else { return nil }
        let names = values.compactMap { $0 }
        return names.count == values.count ? names : nil
    }

    /// Decodes a JSON array of source sides (`["legacy","new"]`); nil when it is not one or names a side this Parity does not know.
    public static func decodeSides(_ text: String) -> [SourceSide]? {
        guard let names = decodeNames(text) else { return nil }
        let sides = names.compactMap(SourceSide.init(rawValue:))
        return sides.count == names.count ? sides : nil
    }

    /// Decodes `counts(_:)`; nil when the text is not such an object.
    public static func decodeCounts(_ text: String) -> [String: Int]? {
        RowJSONDecoder.counts(text)
    }
}
