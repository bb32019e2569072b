import ParityModel

/// A legacy column compared with a new column (`tables[].columns[]`).
public struct ColumnMapping: Sendable, Hashable {
    /// Legacy column name, exactly as in the catalog.
    public var legacy: String
    /// New column name, exactly as in the catalog.
    public var new: String
    /// How values are compared.
    public var type: ColumnType
    /// For decimals: compare at this many fractional digits.
    public var scale: Int?
    /// Largest difference still reported as `within_tolerance` rather than `value_mismatch`.
    public var tolerance: ColumnTolerance?
    /// Legacy value → new value translations applied before comparing, keyed by the legacy value's exact bytes (a
    /// precomposed and a decomposed `é` are two codes, as they are two values in the legacy database).
    public var map: [ExactText: String]
    /// Normalizers applied, in order, to both values before comparing.
    public var normalize: [ColumnNormalizer]
    /// IANA zone of a legacy `timestamp without time zone` column.
    public var legacyTimezone: String?
    /// IANA zone of a new `timestamp without time zone` column.
    public var newTimezone: String?
    /// Unrounded source expression (such as `qty * unit_price`) for rounding analysis, as written.
    public var source: String?
    /// Values are personal data: reports show them masked.
    public var pii: Bool

    /// Creates a column mapping.
    public init(
        legacy: String,
        new: String,
        type: ColumnType = .text,
        scale: Int? = nil,
        tolerance: ColumnTolerance? = nil,
        map: [ExactText: String] = [:],
        normalize: [ColumnNormalizer] = [],
        legacyTimezone: String? = nil,
        newTimezone: String? = nil,
        source: String? = nil,
        pii: Bool = false
    ) {
        self.legacy = legacy
        self.new = new
        self.type = type
        self.scale = scale
        self.tolerance = tolerance
        self.map = map
        self.normalize = normalize
        self.legacyTimezone = legacyTimezone
        self.newTimezone = newTimezone
        self.source = source
        self.pii = pii
    }
}

/// How a column's values are interpreted when compared (`columns[].type`).
public enum ColumnType: String, Sendable, Hashable, CaseIterable {
    /// Text, compared exactly after normalizers.
    case text
    /// Whole numbers.
    case integer
    /// Exact decimals.
    case decimal
    /// Booleans.
    case boolean
    /// Calendar dates.
    case date
    /// `timestamp without time zone`.
    case timestamp
    /// `timestamp with time zone`.
    case timestamptz
    /// JSON documents, compared structurally.
    case json
    /// UUIDs, compared case-insensitively.
    case uuid
    /// Binary data.
    case bytea

    /// Whether a tolerance is a decimal amount for this type.
    public var hasNumericTolerance: Bool { self == .integer || self == .decimal }

    /// Whether a tolerance is a duration for this type.
    public var hasDurationTolerance: Bool { self == .date || self == .timestamp || self == .timestamptz }

    /// Whether values are timestamps (zones may be given).
    public var isTimestamp: Bool { self == .timestamp || self == .timestamptz }
}

/// A column tolerance: a decimal amount or a percentage for numbers, a duration for dates and times.
public enum ColumnTolerance: Sendable, Hashable {
    /// Decimal string, such as `"0.01"`.
    case amount(String)
    /// Percent of the legacy value as a decimal string (`"0.5"` for `tolerance: "0.5%"`).
    case percent(String)
    /// Duration, such as `2s`.
    case duration(Duration)
}

/// A transformation applied to column values before comparing (`columns[].normalize[]`).
public enum ColumnNormalizer: String, Sendable, Hashable, CaseIterable {
    /// Remove leading and trailing whitespace.
    case trim
    /// Remove leading whitespace.
    case ltrim
    /// Remove trailing whitespace (`char(n)` padding).
    case rtrim
    /// Upper-case.
    case upper
    /// Lower-case.
    case lower
    /// Treat NULL and the empty string as equal.
    case nullEqualsEmpty = "null_equals_empty"
    /// Compose to Unicode normalization form C, so a decomposed `é` (`e` + U+0301) equals the precomposed one (U+00E9).
    /// Without it texts compare byte for byte, as PostgreSQL's `=` compares them.
    case nfc
}
