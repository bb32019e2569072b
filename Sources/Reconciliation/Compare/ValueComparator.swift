import ExactNumeric
import ParityConfig
import ParityModel

/// Compares the two values of one column pair as its `ColumnMapping` says (normalizers, value map, type, tolerance).
///
/// Built once per column so time zones and tolerances are parsed once. Texts compare byte for byte, as PostgreSQL's `=`
/// compares them (a decomposed `é` is not the precomposed one unless the column normalizes with `nfc`), and values that
/// cannot be parsed as the column's type compare as exact text (a number that does not parse matches only its own
/// text). A tolerance of the wrong kind or an unparseable amount is ignored (`parity check` rejects both). A relative
/// tolerance is a percentage of the legacy value (the system being replaced is the reference):
/// `|new − legacy| ≤ p% × |legacy|`.
public struct ValueComparator: Sendable {
    /// The column pair compared.
    public let column: ColumnMapping
    private let amountTolerance: ExactDecimal?
    /// A relative tolerance in percent.
    private let percentTolerance: ExactDecimal?
    private let durationTolerance: Int64?
    private let legacyZone: ZoneClock?
    private let newZone: ZoneClock?
    /// Whether both sides' raw values go through the same steps (no legacy value map, the same zone on both
    /// sides): then equal raw texts are equal values, and most rows of a close match without parsing.
    let sidesAlike: Bool

    /// Prepares the comparison of `column`.
    public init(column: ColumnMapping) {
        self.column = column
        switch column.tolerance {
        case .amount(let text)?:
            amountTolerance = ExactDecimal(text)
            percentTolerance = nil
            durationTolerance = nil
        case .percent(let text)?:
            amountTolerance = nil
            percentTolerance = ExactDecimal(text)
            durationTolerance = nil
        case .duration(let duration)?:
            amountTolerance = nil
            percentTolerance = nil
            durationTolerance = duration.microseconds
        case nil:
            amountTolerance = nil
            percentTolerance = nil
            durationTolerance = nil
        }
        legacyZone = column.legacyTimezone.flatMap(ZoneClock.init(identifier:))
        newZone = column.newTimezone.flatMap(ZoneClock.init(identifier:))
        sidesAlike = column.map.isEmpty && column.legacyTimezone == column.newTimezone
    }

    /// Compares the raw legacy and new text values (NULL is nil).
    public func compare(legacy: String?, new: String?) -> ComparisonOutcome {
        if sidesAlike, Self.same(legacy, new) { return .match }
        let left = ValueNormalization.normalize(legacy, side: .legacy, column: column)
        let right = ValueNormalization.normalize(new, side: .new, column: column)
        guard let left, let right else { return left == nil && right == nil ? .match : .mismatch }
        switch column.type {
        case .text, .bytea:
            return Self.same(left, right) ? .match : .mismatch
        case .uuid:
            return left.lowercased() == right.lowercased() ? .match : .mismatch
        case .integer, .decimal:
            return compareNumbers(left, right)
        case .boolean:
            guard let a = BooleanText.parse(left), let b = BooleanText.parse(right) else { return Self.same(left, right) ? .match : .mismatch }
            return a == b ? .match : .mismatch
        case .date, .timestamp, .timestamptz:
            return compareInstants(left, right)
        case .json:
            guard let a = JSONValue(parsing: left), let b = JSONValue(parsing: right) else { return Self.same(left, right) ? .match : .mismatch }
            return a == b ? .match : .mismatch
        }
    }

    /// How far apart two values of a number, date or time column are, exactly: the absolute difference of numbers,
    /// the seconds between dates or instants. Nil for other types, NULL, unparseable or infinite values.
    public func absoluteDifference(legacy: String?, new: String?) -> ExactDecimal? {
        guard column.type.hasNumericTolerance || column.type.hasDurationTolerance,
              let left = ValueNormalization.normalize(legacy, side: .legacy, column: column),
              let right = ValueNormalization.normalize(new, side: .new, column: column) else { return nil }
        switch column.type {
        case .integer, .decimal:
            guard let a = ExactDecimal(left), let b = ExactDecimal(right), a.isFinite, b.isFinite else { return nil }
            return (a - b).abs
        case .date, .timestamp, .timestamptz:
            guard let (a, b) = instants(left, right), let microseconds = a.microseconds(to: b) else { return nil }
            return ExactDecimal(coefficient: microseconds.magnitude, scale: 6)
        case .text, .bytea, .uuid, .boolean, .json:
            return nil
        }
    }

    /// Whether two texts are the same bytes (both NULL counts as the same).
    private static func same(_ left: String?, _ right: String?) -> Bool {
        guard let left, let right else { return left == nil && right == nil }
        return ExactText(left) == ExactText(right)
    }

    private func compareNumbers(_ left: String, _ right: String) -> ComparisonOutcome {
        guard let a = ExactDecimal(left), let b = ExactDecimal(right) else { return Self.same(left, right) ? .match : .mismatch }
        if a == b { return .match }
        guard a.isFinite, b.isFinite else { return .mismatch }
        if let amountTolerance { return (a - b).abs <= amountTolerance ? .withinTolerance : .mismatch }
        guard let percentTolerance else { return .mismatch }
        let hundred = ExactDecimal(coefficient: 100)
        return (b - a).abs * hundred <= percentTolerance * a.abs ? .withinTolerance : .mismatch
    }

    /// Both values as instants: dates at midnight UTC, timestamps in their side's zone when they carry no offset.
    private func instants(_ left: String, _ right: String) -> (ParsedTimestamp, ParsedTimestamp)? {
        let zones = column.type == .date ? (nil, nil) : (legacyZone, newZone)
        guard let a = ParsedTimestamp(parsing: left, zone: zones.0), let b = ParsedTimestamp(parsing: right, zone: zones.1) else { return nil }
        return (a, b)
    }

    private func compareInstants(_ left: String, _ right: String) -> ComparisonOutcome {
        guard let (a, b) = instants(left, right) else { return Self.same(left, right) ? .match : .mismatch }
        if a == b { return .match }
        guard let durationTolerance, let difference = a.microseconds(to: b) else { return .mismatch }
        return difference.magnitude <= durationTolerance.magnitude ? .withinTolerance : .mismatch
    }
}
