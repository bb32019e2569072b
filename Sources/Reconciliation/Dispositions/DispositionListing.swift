import Foundation

/// `parity disposition list`: every category with its differences and its decision, on one business day.
public struct DispositionListing: Sendable {
    /// One category.
    public struct Line: Sendable, Equatable {
        /// Its decision, where it comes from, and any expiry, override or recurrence.
        public var verdict: CategoryVerdict
        /// Open differences now.
        public var open: Int
        /// Differences the ledger holds for it, open or resolved.
        public var total: Int

        /// Creates a line.
        public init(verdict: CategoryVerdict, open: Int, total: Int) {
            self.verdict = verdict
            self.open = open
            self.total = total
        }
    }

    /// The business day decisions were judged on (expiry).
    public var day: String
    /// By category.
    public var lines: [Line]

    /// Creates a listing.
    public init(day: String, lines: [Line]) {
        self.day = day
        self.lines = lines
    }
}

/// One row of the decisions' audit trail as `parity disposition history` shows it.
public struct DecisionHistoryEntry: Sendable, Equatable {
    /// Its row id.
    public var id: Int64
    /// The category.
    public var category: DispositionCategory
    /// `set` or `clear`.
    public var action: String
    /// What it set; nil for a clear.
    public var decision: DispositionDecision?
    /// Who recorded it.
    public var decidedBy: String
    /// When.
    public var decidedAt: Date
    /// The row it replaced, if any.
    public var previousID: Int64?
    /// What that row had set; nil when there was none or it was a clear.
    public var previous: DispositionDecision?

    /// Creates an entry.
    public init(
        id: Int64, category: DispositionCategory, action: String, decision: DispositionDecision?, decidedBy: String, decidedAt: Date,
        previousID: Int64?, previous: DispositionDecision?
    ) {
        self.id = id
        self.category = category
        self.action = action
        self.decision = decision
        self.decidedBy = decidedBy
        self.decidedAt = decidedAt
        self.previousID = previousID
        self.previous = previous
    }
}
