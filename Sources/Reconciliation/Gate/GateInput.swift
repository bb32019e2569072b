import Foundation
import ParityModel

/// Everything the gate judges, read from the store and the sources by the caller; nil marks an input that is not available.
public struct GateInput: Sendable {
    /// Closed cycles, oldest first (the evaluator keeps the last `gate.cycles`).
    public var cycles: [Cycle]
    /// Every configured table mapping's name.
    public var mappings: [String]
    /// Configured mappings not initialized on both sources (`parity init --add` was not run): compared in no cycle.
    public var uninitializedMappings: [String] = []
    /// Disposition rules that matched nothing in the last `gate.stale_after_cycles` cycles, one short line each.
    public var staleDispositions: [String]
    /// The business-day labels the calendar expects, oldest first (at least the window); nil to check cycle ids only.
    public var expectedLabels: [String]?
    /// The last complete month's aggregate results; nil when no month is complete.
    public var lastMonth: Month?
    /// The hidden-state audit's lists; nil when no legacy inventory was taken at a close in the window (not evaluated).
    public var hiddenState: HiddenState?
    /// Legacy writes of each cycle, oldest first (any cycles; the evaluator matches them by id); nil when not recorded.
    public var legacyWrites: [CycleWrites]?
    /// Who else still uses legacy in the legacy-quiet cycles (clients, outbound integrations, other consumers); nil when
    /// legacy quiet is not required.
    public var legacyUse: LegacyUse.Verdict?
    /// The open-differences ledger as it stands at evaluation, judged under the current disposition rules.
    public var openDifferences: OpenDifferences
    /// The decision on each category the window saw or holds open and of every stored decision, on the evaluation's day.
    public var decisions: [CategoryVerdict] = []
    /// The last verifications of the store.
    public var verification: VerificationStatus
    /// Each source's capture health.
    public var capture: [SourceCapture]
    /// When the gate is evaluated.
    public var evaluatedAt: Date
    /// The last closed cycle's end, if any.
    public var asOf: Date?
    /// Hash of the configuration in use.
    public var configHash: String
    /// Contracts known and the last export; nil when not read.
    public var contracts: ContractsStatus?
    /// The cutover scope shares of the window's cycles; nil when no mapping has or had a scope (the criterion is left out).
    public var scopes: [ScopeShare]?

    /// Creates an input.
    public init(
        cycles: [Cycle], mappings: [String], staleDispositions: [String] = [], expectedLabels: [String]? = nil, lastMonth: Month?,
        hiddenState: HiddenState?, legacyWrites: [CycleWrites]?, legacyUse: LegacyUse.Verdict? = nil,
        openDifferences: OpenDifferences = OpenDifferences(), verification: VerificationStatus = VerificationStatus(), capture: [SourceCapture],
        evaluatedAt: Date, asOf: Date?, configHash: String
    ) {
        self.cycles = cycles
        self.mappings = mappings
        self.staleDispositions = staleDispositions
        self.expectedLabels = expectedLabels
        self.lastMonth = lastMonth
        self.hiddenState = hiddenState
        self.legacyWrites = legacyWrites
        self.legacyUse = legacyUse
        self.openDifferences = openDifferences
        self.verification = verification
        self.capture = capture
        self.evaluatedAt = evaluatedAt
        self.asOf = asOf
        self.configHash = configHash
    }
}

extension GateInput {
    /// The open differences the gate judges: every one still open, whatever cycle found it.
    public struct OpenDifferences: Sendable, Equatable {
        /// Open differences in all.
        public var total: Int
        /// Open differences with no disposition or dispositioned `match`.
        public var unexplained: Int
        /// The first of those (oldest first), one line each (`orders {order_no=20000} missing_in_new, open since cycle 2`).
        public var examples: [String]
        /// The categories with an open difference, each with its current disposition.
        public var categories: [Category]
        /// Open differences dispositioned `match` (open defects).
        public var matched: Int

        /// Creates the section.
        public init(total: Int = 0, unexplained: Int = 0, examples: [String] = [], categories: [Category] = [], matched: Int = 0) {
            self.total = total
            self.unexplained = unexplained
            self.examples = examples
            self.categories = categories
            self.matched = matched
        }
    }
}

