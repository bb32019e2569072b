/// A table mapping's comparison statistics in one closed cycle (`cycle_table` and `column_statistics`).
public struct StoredMappingStatistics: Sendable, Equatable {
    /// One column pair's counts.
    public struct Column: Sendable, Equatable {
        /// The legacy column.
        public var column: String
        /// The new column.
        public var newColumn: String
        /// Rows that differed in the column beyond its tolerance.
        public var mismatched: Int
        /// Rows that differed within the column's tolerance.
        public var withinTolerance: Int
        /// The largest absolute difference as exact decimal text (seconds for dates and times), if any.
        public var largestDifference: String?

        /// Creates a column's counts.
        public init(column: String, newColumn: String, mismatched: Int, withinTolerance: Int, largestDifference: String?) {
            self.column = column
            self.newColumn = newColumn
            self.mismatched = mismatched
            self.withinTolerance = withinTolerance
            self.largestDifference = largestDifference
        }
    }

    /// The cycle's id.
    public var cycle: Int64
    /// The table mapping's name.
    public var mapping: String
    /// Keys compared (`cycle_table.compared`; recorded with the cycle's table counts, not here).
    public var compared: Int
    /// Keys with no finding (`cycle_table.matched`; recorded with the cycle's table counts, not here).
    public var matched: Int
    /// Keys with a row on both sides whose columns were compared.
    public var paired: Int
    /// Per column pair, in mapping order.
    public var columns: [Column]

    /// Creates a mapping's statistics.
    public init(cycle: Int64, mapping: String, compared: Int, matched: Int, paired: Int, columns: [Column]) {
        self.cycle = cycle
        self.mapping = mapping
        self.compared = compared
        self.matched = matched
        self.paired = paired
        self.columns = columns
    }
}
