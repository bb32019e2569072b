import ParityModel

extension EndOfDayReport {
    /// One group of an aggregate the cycle recorded (a flow: one business day whose value the cycle changed).
    public struct AggregateLine: Sendable, Equatable {
        /// The aggregate's name.
        public var aggregate: String
        /// A flow's business day; empty for a balance.
        public var period: String
        /// The `group_by` columns.
        public var groupColumns: [String]
        /// The group's values, in `group_by` order.
        public var groupValues: [String?]
        /// Legacy value (nil: no rows).
        public var legacy: String?
        /// New value (nil: no rows).
        public var new: String?
        /// new − legacy.
        public var difference: String
        /// Explained amounts by finding kind.
        public var bridge: [String: String]
        /// difference − Σ bridge.
        public var unexplained: String
        /// Whether the unexplained amount is within tolerance.
        public var withinTolerance: Bool

        /// Creates a line.
        public init(
            aggregate: String, period: String, groupColumns: [String], groupValues: [String?], legacy: String?, new: String?,
            difference: String, bridge: [String: String], unexplained: String, withinTolerance: Bool
        ) {
            self.aggregate = aggregate
            self.period = period
            self.groupColumns = groupColumns
            self.groupValues = groupValues
            self.legacy = legacy
            self.new = new
            self.difference = difference
            self.bridge = bridge
            self.unexplained = unexplained
            self.withinTolerance = withinTolerance
        }

        /// The explained amount of `kind` (`rounding` is `rounding_explained`), "0" when none.
        public func bridged(_ kind: String) -> String {
            bridge[kind] ?? "0"
        }

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
