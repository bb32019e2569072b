import ParityModel

/// One legacy table mapped to its counterpart in the new database (`tables[]`).
public struct TableMapping: Sendable, Hashable {
    /// The mapping's name, used in reports and rules.
    public var name: String
    /// The legacy table.
    public var legacy: QualifiedName
    /// The new table.
    public var new: QualifiedName
    /// How rows are matched across the two tables.
    public var key: KeyMapping
    /// Column pairs compared value by value.
    public var columns: [ColumnMapping]
    /// Columns deliberately left out of the comparison.
    public var ignore: IgnoredColumns
    /// The header's line items, for per-line vs per-total rounding detection.
    public var lineItems: LineItems?
    /// The cutover slice compared; nil compares every row.
    public var scope: CutoverScope?

    /// Creates a table mapping.
    public init(
        name: String,
        legacy: QualifiedName,
        new: QualifiedName,
        key: KeyMapping,
        columns: [ColumnMapping] = [],
        ignore: IgnoredColumns = IgnoredColumns(),
        lineItems: LineItems? = nil,
        scope: CutoverScope? = nil
    ) {
        self.name = name
        self.legacy = legacy
        self.new = new
        self.key = key
        self.columns = columns
        self.ignore = ignore
        self.lineItems = lineItems
        self.scope = scope
    }

    /// The mapped column whose legacy name is `legacyName`.
    public func column(legacy legacyName: String) -> ColumnMapping? {
        columns.first { $0.legacy == legacyName }
    }
}

/// Key columns on each side, paired by position, and how key values are normalized (`tables[].key`).
public struct KeyMapping: Sendable, Hashable {
    /// Legacy key columns.
    public var legacy: [String]
    /// New key columns, in the same order as `legacy`.
    public var new: [String]
    /// Normalizers applied, in order, to every key value on both sides.
    public var normalize: [KeyNormalizer]

    /// Creates a key mapping.
    public init(legacy: [String], new: [String], normalize: [KeyNormalizer] = []) {
        self.legacy = legacy
        self.new = new
        self.normalize = normalize
    }
}

/// Columns excluded from comparison on each side (`tables[].ignore`).
public struct IgnoredColumns: Sendable, Hashable {
    /// Ignored legacy columns.
    public var legacy: [String]
    /// Ignored new columns.
    public var new: [String]

    /// Creates the ignore lists.
    public init(legacy: [String] = [], new: [String] = []) {
        self.legacy = legacy
        self.new = new
    }
}
