import Foundation

/// A transformation applied to key values before rows are matched (`tables[].key.normalize[]`). Encoded as the config
/// spells it: a name (`"trim"`) or a one-key object (`{"strip_prefix": "INV-"}`).
public enum KeyNormalizer: Sendable, Hashable, Codable {
    /// Remove leading and trailing whitespace.
    case trim
    /// Upper-case.
    case upper
    /// Lower-case.
    case lower
    /// Remove leading `0` characters (keeping one `0` for an all-zero value).
    case stripLeadingZeros
    /// Remove this prefix when present (`{strip_prefix: "INV-"}`).
    case stripPrefix(String)
    /// Left-pad with `0` to this width (`{zero_pad: 8}`).
    case zeroPad(Int)
    /// Compose to Unicode normalization form C, so a decomposed `é` (`e` + U+0301) pairs with the precomposed one
    /// (U+00E9). Without it keys pair byte for byte.
    case nfc

    /// The normalizers written as plain strings, in the order the config's errors list them.
    public static let simple: [KeyNormalizer] = [.trim, .upper, .lower, .stripLeadingZeros, .nfc]

    /// ``simple`` by name.
    public static let simpleNames = Dictionary(uniqueKeysWithValues: simple.map { ($0.name, $0) })

    /// The keys of the normalizers written as one-key maps.
    public static let parameterizedNames = [KeyNormalizer.stripPrefix(""), .zeroPad(0)].map(\.name)

    /// The normalizer's name in the config: its plain string, or the one key of its map.
    public var name: String {
        switch self {
        case .trim: "trim"
        case .upper: "upper"
        case .lower: "lower"
        case .stripLeadingZeros: "strip_leading_zeros"
        case .stripPrefix: "strip_prefix"
        case .zeroPad: "zero_pad"
        case .nfc: "nfc"
        }
    }

    /// The key text after this normalizer.
    public func apply(to value: String) -> String {
        switch self {
        case .trim:
            return TextTrimming.trim(value)
        case .upper:
            return value.uppercased()
        case .lower:
            return value.lowercased()
        case .stripLeadingZeros:
            let stripped = value.drop { $0 == "0" }
            return stripped.isEmpty && !value.isEmpty ? "0" : String(stripped)
        case .stripPrefix(let prefix):
            return value.hasPrefix(prefix) ? String(value.dropFirst(prefix.count)) : value
        case .zeroPad(let width):
            return String(repeating: "0", count: max(0, width - value.count)) + value
        case .nfc:
            return value.precomposedStringWithCanonicalMapping
        }
    }

    /// `value` after every normalizer of `normalizers` in order; NULL stays NULL.
    public static func normalize(_ value: String?, with normalizers: [KeyNormalizer]) -> String? {
        value.map { text in normalizers.reduce(text) { $1.apply(to: $0) } }
    }

    private enum Parameter: String, CodingKey {
        case stripPrefix = "strip_prefix"
        case zeroPad = "zero_pad"
    }

    public init(from decoder: any Decoder) throws {
        if let name = try? decoder.singleValueContainer().decode(String.self) {
            guard let normalizer = Self.simpleNames[name] else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "\(name) is not a key normalizer"))
            }
            self = normalizer
            return
        }
        let container = try decoder.container(keyedBy: Parameter.self)
        if let prefix = try container.decodeIfPresent(String.self, forKey: .stripPrefix) {
            self = .stripPrefix(prefix)
        } else {
            self = .zeroPad(try container.decode(Int.self, forKey: .zeroPad))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .stripPrefix(let prefix):
            var container = encoder.container(keyedBy: Parameter.self)
            try container.encode(prefix, forKey: .stripPrefix)
        case .zeroPad(let width):
            var container = encoder.container(keyedBy: Parameter.self)
            try container.encode(width, forKey: .zeroPad)
        case .trim, .upper, .lower, .stripLeadingZeros, .nfc:
            var container = encoder.singleValueContainer()
            try container.encode(name)
        }
    }
}
