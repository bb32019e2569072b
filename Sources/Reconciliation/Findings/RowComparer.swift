import ParityConfig

/// Compares a legacy row with its new counterpart under one table mapping.
public struct RowComparer: Sendable {
    /// The table mapping compared.
    public let mapping: TableMapping
    private let comparators: [ValueComparator]

    /// Prepares the comparison of rows of `mapping` (column comparators are built once).
    public init(mapping: TableMapping) {
        self.mapping = mapping
        comparators = mapping.columns.map(ValueComparator.init(column:))
    }

    /// Compares two images of one key once under `mapping`; see `compare(legacy:new:cycle:)`.
    public static func compare(mapping: TableMapping, legacy: RowImage?, new: RowImage?, cycle: String? = nil) -> [Finding] {
        RowComparer(mapping: mapping).compare(legacy: legacy, new: new, cycle: cycle)
    }

    /// Key values (in key order, either side) normalized: equal canonical keys pair a legacy row with a new row.
    public static func canonicalKey(mapping: TableMapping, values: [String?]) -> [String?] {
        values.map { KeyNormalization.normalize($0, with: mapping.key.normalize) }
    }

    /// The canonical key of a row image from `side`.
    public static func canonicalKey(mapping: TableMapping, side: SourceSide, image: RowImage) -> [String?] {
        canonicalKey(mapping: mapping, values: keyValues(mapping: mapping, side: side, image: image))
    }

    /// The raw key values of `image` in key order (nil for NULL or an absent key column).
    public static func keyValues(mapping: TableMapping, side: SourceSide, image: RowImage) -> [String?] {
        let columns = side == .legacy ? mapping.key.legacy : mapping.key.new
        return columns.map { image[$0] ?? nil }
    }

    /// Findings for one key: a missing row when one image is nil, else one per column pair that does not match.
    ///
    /// A column absent from either image (added after the row last changed) is skipped, never read as NULL.
    public func compare(legacy: RowImage?, new: RowImage?, cycle: String? = nil) -> [Finding] {
        switch (legacy, new) {
        case (nil, nil):
            return []
        case (let legacy?, nil):
            return [Finding(mapping: mapping.name, key: key(of: legacy, side: .legacy), kind: .missingInNew, cycle: cycle)]
        case (nil, let new?):
            return [Finding(mapping: mapping.name, key: key(of: new, side: .new), kind: .missingInLegacy, cycle: cycle)]
        case (let legacy?, let new?):
            let key = key(of: legacy, side: .legacy)
            return comparators.compactMap { comparator in
                let column = comparator.column
                guard let legacyValue = legacy[column.legacy], let newValue = new[column.new] else { return nil }
                let kind: FindingKind
                switch comparator.compare(legacy: legacyValue, new: newValue) {
                case .match: return nil
                case .mismatch: kind = .valueMismatch
                case .withinTolerance: kind = .withinTolerance
                }
                return Finding(
                    mapping: mapping.name, key: key, column: column.legacy, newColumn: column.new, kind: kind,
                    legacy: legacyValue, new: newValue, cycle: cycle
                )
            }
        }
    }

    /// Legacy key column names → the image's raw key values.
    private func key(of image: RowImage, side: SourceSide) -> [String: String?] {
        let values = Self.keyValues(mapping: mapping, side: side, image: image)
        return Dictionary(zip(mapping.key.legacy, values), uniquingKeysWith: { first, _ in first })
    }
}
