import Foundation
import ParityModel

/// The monthly close report: per-group aggregate totals legacy vs new, walked by cause, with daily drift and sign-off.
public struct MonthlyReport: Sendable {
    /// The calendar month closed, `YYYY-MM`.
    public var month: String
    /// When the report was produced.
    public var generatedAt: Date
    /// Each configured aggregate's groups and daily drift.
    public var aggregates: [MonthlyAggregate]
    /// The rounding mode each system behaves as, per decimal column with a source expression.
    public var rounding: [RoundingModeRow]
    /// Finding categories of the month and their dispositions.
    public var categories: [CategoryStatus]
    /// Every business day of the month and how its cycle closed.
    public var cycles: [CycleDay]
    /// Who prepared and reviewed the close.
    public var signOff: SignOff
    /// Per flow aggregate, the unexplained open differences of its table whose rows are dated in the month (by its date
    /// column): the unresolved rows behind the unexplained part.
    public var openDifferences: [OpenDifferenceLine] = []
    /// The business's time zone (`cycle.timezone`): text and HTML show times in it.
    public var timeZone = "UTC"

    /// Creates a report.
    public init(
        month: String, generatedAt: Date, aggregates: [MonthlyAggregate], rounding: [RoundingModeRow] = [],
        categories: [CategoryStatus] = [], cycles: [CycleDay] = [], signOff: SignOff = SignOff()
    ) {
        self.month = month
        self.generatedAt = generatedAt
        self.aggregates = aggregates
        self.rounding = rounding
        self.categories = categories
        self.cycles = cycles
        self.signOff = signOff
    }
}

extension MonthlyReport {
    /// An open difference on a row an aggregate dates in the month.
    public struct OpenDifferenceLine: Sendable, Equatable {
        /// The aggregate whose date column puts the row in the month.
        public var aggregate: String
        /// The row's business day (the date column's day).
        public var day: String
        /// The difference as last seen (disposition under the current rules; `pii` values masked).
        public var item: Finding
        /// The cycle that first found it open.
        public var firstSeen: Int64

        /// Creates a line.
        public init(aggregate: String, day: String, item: Finding, firstSeen: Int64) {
            self.aggregate = aggregate
            self.day = day
            self.item = item
            self.firstSeen = firstSeen
        }
    }
}
