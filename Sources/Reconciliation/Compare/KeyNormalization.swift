import ParityConfig

extension KeyNormalizer {
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
        }
    }
}

/// Applies a mapping's key normalizers to key values.
public enum KeyNormalization {
    /// The value after every normalizer in order; NULL stays NULL.
    public static func normalize(_ value: String?, with normalizers: [KeyNormalizer]) -> String? {
        value.map { text in normalizers.reduce(text) { $1.apply(to: $0) } }
    }
}
