import Foundation
import ParityConfig
import ParityModel

extension ColumnNormalizer {
    /// The text after this normalizer (`null_equals_empty` leaves text unchanged; see `ValueNormalization`).
    public func apply(to value: String) -> String {
        switch self {
        case .trim: return TextTrimming.trim(value)
        case .ltrim: return TextTrimming.ltrim(value)
        case .rtrim: return TextTrimming.rtrim(value)
        case .upper: return value.uppercased()
        case .lower: return value.lowercased()
        case .nullEqualsEmpty: return value
        case .nfc: return value.precomposedStringWithCanonicalMapping
        }
    }
}

/// Prepares one side's column value for comparison: normalizers, then the value map (legacy side), then NULL-equals-empty.
public enum ValueNormalization {
    /// The value as compared; `""` becomes NULL last when the column has `null_equals_empty`. A value map's entry applies
    /// to the same bytes only (a decomposed `é` is not the precomposed one the map names, unless `nfc` composed it).
    public static func normalize(_ value: String?, side: SourceSide, column: ColumnMapping) -> String? {
        guard var text = value else { return nil }
        text = column.normalize.reduce(text) { $1.apply(to: $0) }
        if side == .legacy, let mapped = column.map[ExactText(text)] { text = mapped }
        if text.isEmpty, column.normalize.contains(.nullEqualsEmpty) { return nil }
        return text
    }
}
