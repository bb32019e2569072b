import ExactNumeric
import ParityConfig
import ParityModel

/// Compares a legacy row with its new counterpart under one table mapping.
public struct RowComparer: Sendable {
    /// The table mapping compared.
    public let mapping: TableMapping
    private let comparators: [ValueComparator]
    /// Per column (by legacy name), its source expression when it has one that parses.
    private let sources: [String: SourceExpression]
    /// Columns with a source expression, for rounding inference.
    public let roundedColumns: [ColumnMapping]
    /// Whether two images with the same text (the store writes them with sorted names) always compare without
    /// findings: every column pair has one name on both sides, both sides read its values alike, and no column
    /// feeds rounding evidence. A close then matches such rows without decoding them.
    public let identicalImagesMatch: Bool

    /// Prepares the comparison of rows of `mapping` (column comparators and source expressions are built once).
    public init(mapping: TableMapping) {
        self.mapping = mapping
        comparators = mapping.columns.map(ValueComparator.init(column:))
        let sources = mapping.columns.reduce(into: [String: SourceExpression]()) { sources, column in
            if let text = column.source, let expression = try? SourceExpression(parsing: text) { sources[column.legacy] = expression }
        }
        self.sources = sources
        roundedColumns = mapping.columns.filter { sources[$0.legacy] != nil }
        identicalImagesMatch = roundedColumns.isEmpty && comparators.allSatisfy { $0.column.legacy == $0.column.new && $0.sidesAlike }
    }

    /// Compares two images of one key once under `mapping`; see `compare(legacy:new:cycle:)`.
    public static func compare(mapping: TableMapping, legacy: RowImage?, new: RowImage?, cycle: String? = nil) -> [Finding] {
        RowComparer(mapping: mapping).compare(legacy: legacy, new: new, cycle: cycle)
    }

    /// Key values (in key order, either side) normalized: equal canonical keys pair a legacy row with a new row.
    public static func canonicalKey(mapping: TableMapping, values: [String?]) -> [String?] {
        values.map { KeyNormalizer.normalize($0, with: mapping.key.normalize) }
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
            var key: [String: String?]?  // built for the first finding only: most rows match
            return comparators.compactMap { comparator in
                let column = comparator.column
                guard let (kind, explanation) = difference(comparator, legacy: legacy, new: new) else { return nil }
                let rowKey = key ?? self.key(of: legacy, side: .legacy)
                key = rowKey
                return Finding(
                    mapping: mapping.name, key: rowKey, column: column.legacy, newColumn: column.new, kind: kind,
                    legacy: legacy[column.legacy] ?? nil, new: new[column.new] ?? nil, explanation: explanation, cycle: cycle
                )
            }
        }
    }

    /// The kind of difference in the column whose legacy name is `legacyColumn` (nil when the values match,
    /// a value is unknown, or the column is not mapped).
    public func kind(ofColumn legacyColumn: String, legacy: RowImage, new: RowImage) -> FindingKind? {
        guard let comparator = comparators.first(where: { $0.column.legacy == legacyColumn }) else { return nil }
        return difference(comparator, legacy: legacy, new: new)?.kind
    }

    /// How far apart the values of `mapping.columns[index]` are (see `ValueComparator.absoluteDifference`).
    public func absoluteDifference(ofColumnAt index: Int, legacy: String?, new: String?) -> ExactDecimal? {
        comparators[index].absoluteDifference(legacy: legacy, new: new)
    }

    /// The unrounded value of `column`'s source expression on one side's image (the new image read in legacy terms).
    public func unrounded(_ column: ColumnMapping, side: SourceSide, image: RowImage) -> ExactDecimal? {
        guard let expression = sources[column.legacy] else { return nil }
        return expression.evaluate(side == .legacy ? image : LegacyNamedImage.view(of: image, mapping: mapping))
    }

    private func difference(
        _ comparator: ValueComparator, legacy: RowImage, new: RowImage
    ) -> (kind: FindingKind, explanation: String?)? {
        let column = comparator.column
        guard let legacyValue = legacy[column.legacy], let newValue = new[column.new] else { return nil }
        let outcome = comparator.compare(legacy: legacyValue, new: newValue)
        if outcome == .match { return nil }
        if let explanation = roundingExplanation(column, legacy: legacy, new: new) { return (.rounding, explanation) }
        return (outcome == .withinTolerance ? .withinTolerance : .valueMismatch, nil)
    }

    /// A one-unit difference that two different rounding modes of the column's source expression explain.
    private func roundingExplanation(_ column: ColumnMapping, legacy: RowImage, new: RowImage) -> String? {
        guard column.type == .decimal, sources[column.legacy] != nil,
              let legacyStored = (legacy[column.legacy] ?? nil).flatMap({ ExactDecimal($0) }),
              let newStored = (new[column.new] ?? nil).flatMap({ ExactDecimal($0) }),
              let legacyUnrounded = unrounded(column, side: .legacy, image: legacy),
              let newUnrounded = unrounded(column, side: .new, image: new) else { return nil }
        let scale = column.scale ?? max(legacyStored.scale, newStored.scale)
        return RoundingExplanation.explain(
            legacyStored: legacyStored, newStored: newStored, legacyUnrounded: legacyUnrounded, newUnrounded: newUnrounded,
            scale: scale
        )?.label(preferring: nil, nil)
    }

    /// Legacy key column names → the image's raw key values.
    private func key(of image: RowImage, side: SourceSide) -> [String: String?] {
        let values = Self.keyValues(mapping: mapping, side: side, image: image)
        return Dictionary(zip(mapping.key.legacy, values), uniquingKeysWith: { first, _ in first })
    }
}
