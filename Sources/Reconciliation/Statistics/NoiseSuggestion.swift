import ExactNumeric
import ParityConfig
import ParityModel

/// A column that differed on nearly every row compared, cycle after cycle (`NoiseRule`), with config to paste if the
/// team agrees it is noise. Parity never applies it.
public struct NoiseSuggestion: Sendable, Equatable {
    /// The table mapping's name.
    public var table: String
    /// The legacy column.
    public var column: String
    /// The new column.
    public var newColumn: String
    /// The cycles that are the evidence, oldest first.
    public var cycles: [Int64]
    /// The smallest share of paired rows that differed among those cycles, as a decimal with 6 places.
    public var lowestShare: String
    /// The mapping's `ignore:` line with the column added on both sides (its `columns:` entry must then go).
    public var ignore: String
    /// A `tolerance:` for the column's entry covering the largest difference seen in those cycles (numbers, dates and
    /// times only).
    public var tolerance: String?

    /// Creates a suggestion.
    public init(
        table: String, column: String, newColumn: String, cycles: [Int64], lowestShare: String, ignore: String, tolerance: String?
    ) {
        self.table = table
        self.column = column
        self.newColumn = newColumn
        self.cycles = cycles
        self.lowestShare = lowestShare
        self.ignore = ignore
        self.tolerance = tolerance
    }

    /// The suggestion for `column` of `mapping` from its statistics in the evidence cycles.
    init(mapping: TableMapping, column: ColumnMapping, evidence: [(cycle: Int64, statistics: MappingStatistics, column: ColumnStatistics)]) {
        let legacy = mapping.ignore.legacy + [column.legacy]
        let new = mapping.ignore.new + [column.new]
        let largest = evidence.compactMap(\.column.largestDifference).max()
        // a/b < c/d as a·d < c·b: the lowest share exactly.
        let lowest = evidence.min { $0.column.mismatched * $1.statistics.paired < $1.column.mismatched * $0.statistics.paired }
        self.init(
            table: mapping.name, column: column.legacy, newColumn: column.new, cycles: evidence.map(\.cycle),
            lowestShare: lowest.map { $0.statistics.mismatchShare($0.column) } ?? "",
            ignore: "ignore: { legacy: [\(legacy.map(Self.scalar).joined(separator: ", "))], new: [\(new.map(Self.scalar).joined(separator: ", "))] }",
            tolerance: largest.flatMap { Self.tolerance($0, type: column.type) })
    }

    /// `tolerance: "0.05"` for numbers; for dates and times the seconds rounded up to whole milliseconds (`tolerance: 1s250ms`).
    private static func tolerance(_ largest: ExactDecimal, type: ColumnType) -> String? {
        if type.hasNumericTolerance { return "tolerance: \"\(largest)\"" }
        guard type.hasDurationTolerance,
              let milliseconds = Int64((largest.rounded(scale: 3, mode: .ceiling) * ExactDecimal(coefficient: 1000)).normalized.description)
        else { return nil }
        return "tolerance: \(Duration.milliseconds(max(1, milliseconds)).parityText)"
    }

    /// A column name as a YAML flow scalar: plain when it is a simple identifier, else double-quoted.
    private static func scalar(_ name: String) -> String {
        let simple = name.first.map { $0 == "_" || $0.isLetter } == true && name.allSatisfy { $0 == "_" || ($0.isASCII && ($0.isLetter || $0.isNumber)) }
        guard !simple else { return name }
        return "\"" + name.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"") + "\""
    }
}
