import Foundation

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
