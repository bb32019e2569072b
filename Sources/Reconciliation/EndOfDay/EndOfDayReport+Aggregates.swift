import ParityModel

extension EndOfDayReport {
    /// One group of an aggregate the cycle recorded (a flow: one business day whose value the cycle changed), with the
    /// order its group columns are shown in.
    public struct AggregateLine: Sendable, Equatable {
        /// What the cycle recorded.
        public var result: AggregateGroupResult
        /// The `group_by` columns, in configured order.
        public var groupColumns: [String]

        /// Creates a line.
        public init(result: AggregateGroupResult, groupColumns: [String]) {
            self.result = result
            self.groupColumns = groupColumns
        }

        /// The group's values, in `groupColumns` order.
        public var groupValues: [String?] { result.groupValues(groupColumns) }

        /// `currency=EUR, region=W` (or `all` without group columns).
        public var groupText: String {
            groupColumns.isEmpty ? "all" : zip(groupColumns, groupValues).map { "\($0)=\($1 ?? "NULL")" }.joined(separator: ", ")
        }
    }

    /// The rounding mode one side's decimal column behaved as in the cycle's rows, with its evidence.
    public struct RoundingLine: Sendable, Equatable {
        /// The table mapping's name.
        public var table: String
        /// The legacy column name.
        public var column: String
        /// `legacy` or `new`.
        public var side: SourceSide
        /// The mode, `undetermined` or `binary_float`.
        public var mode: String
        /// Why (`half_even, 1,204/1,204 ties`).
        public var evidence: String

        /// Creates a line.
        public init(table: String, column: String, side: SourceSide, mode: String, evidence: String) {
            self.table = table
            self.column = column
            self.side = side
            self.mode = mode
            self.evidence = evidence
        }
    }
}
