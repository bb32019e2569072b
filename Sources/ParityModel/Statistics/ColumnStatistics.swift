import ExactNumeric

/// How one column pair differed over the rows compared on both sides (datacompy's column summary).
public struct ColumnStatistics: Sendable, Equatable, Codable {
    /// The legacy column.
    public var column: String
    /// The new column.
    public var newColumn: String
    /// Rows whose values differ beyond the column's tolerance (`value_mismatch` or `rounding` findings).
    public var mismatched: Int
    /// Rows whose values differ within the column's tolerance (`within_tolerance` findings).
    public var withinTolerance: Int
    /// The largest absolute difference of the rows that differ, exact: the amount for numbers, seconds for dates and
    /// times; nil for other types or when no row differs.
    public var largestDifference: ExactDecimal?

    /// Creates a column's statistics.
    public init(column: String, newColumn: String, mismatched: Int = 0, withinTolerance: Int = 0, largestDifference: ExactDecimal? = nil) {
        self.column = column
        self.newColumn = newColumn
        self.mismatched = mismatched
        self.withinTolerance = withinTolerance
        self.largestDifference = largestDifference
    }

    /// Counts one row's finding in this column and how far apart its values are.
    public mutating func count(_ kind: FindingKind, difference: ExactDecimal?) {
        switch kind {
        case .withinTolerance: withinTolerance += 1
        case .valueMismatch, .rounding: mismatched += 1
        case .missingInNew, .missingInLegacy, .hiddenStateUnmapped, .unmappedWrites: return
        }
        widen(to: difference)
    }

    /// Adds `other`'s counts (the same column in another cycle); the largest difference is the larger of the two.
    public mutating func add(_ other: ColumnStatistics) {
        mismatched += other.mismatched
        withinTolerance += other.withinTolerance
        widen(to: other.largestDifference)
    }

    private mutating func widen(to difference: ExactDecimal?) {
        guard let difference else { return }
        if let largestDifference, difference <= largestDifference { return }
        largestDifference = difference
    }
}
