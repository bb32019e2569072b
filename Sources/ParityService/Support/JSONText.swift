import Foundation

/// Encodes the service's own JSON documents (cycle lists, readiness, errors) like the report renderers do:
/// sorted keys, pretty-printed, unescaped slashes.
enum JSONText {
    static func encode(_ document: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        // Plain structs of strings, numbers, booleans and arrays cannot fail to encode.
        let data = (try? encoder.encode(document)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
