import ParityConfig
import ParityModel

/// What a contract vector may show of a row: values of `pii: true` columns become `***`, every other text passes
/// `SecretMask`, so an exported file holds no personal data and no credential.
public struct VectorMask: Sendable {
    /// What a `pii` value is replaced by.
    public static let mask = "***"
    /// Column names (either side's) of the mapping's `pii: true` columns.
    private let pii: Set<String>

    /// The mask of `mapping`'s columns; without a mapping nothing is personal data but every text is still masked for secrets.
    public init(mapping: TableMapping?) {
        pii = Set(mapping?.columns.filter(\.pii).flatMap { [$0.legacy, $0.new] } ?? [])
    }

    /// `value` of `column` as a vector may show it (nil stays nil: NULL).
    public func value(_ column: String, _ value: String?) -> String? {
        guard let value else { return nil }
        return pii.contains(column) ? Self.mask : SecretMask.masked(value)
    }

    /// `columns` of `image` as a vector may show them (a column absent from the image is left out).
    public func image(_ image: RowImage, columns: some Sequence<String>) -> [String: String?] {
        var shown: [String: String?] = [:]
        for column in columns { if let value = image[column] { shown.updateValue(self.value(column, value), forKey: column) } }
        return shown
    }

    /// Whether `column` is personal data.
    public func isPersonal(_ column: String) -> Bool { pii.contains(column) }
}
