import Foundation
import ParityModel

/// The end-of-day report of one closed cycle, ready to render (values of `pii` columns already masked).
public struct EndOfDayReport: Sendable {
    /// Per table mapping counts.
    public struct Table: Sendable, Equatable {
        /// The table mapping's name.
        public var name: String
        /// Keys compared.
        public var compared: Int
        /// Keys with no finding.
        public var matched: Int
        /// Findings per kind.
        public var findings: [String: Int]
        /// The cycle that first compared every row of the mapping (its baseline); nil when the store does not know.
        public var comparedFrom: Int64?
        /// How much of it was in its cutover scope; nil when it has none.
        public var scope: ScopeLine?

        /// Creates the counts.
        public init(name: String, compared: Int, matched: Int, findings: [String: Int]) {
            self.name = name
            self.compared = compared
            self.matched = matched
            self.findings = findings
        }
    }

    /// The cycle's id (0 = baseline).
    public var id: Int64
    /// The cycle's label.
    public var label: String
    /// First instant of the cycle.
    public var start: Date
    /// First instant after the cycle.
    public var end: Date
    /// `closed` or `forced`.
    public var status: CycleStatus
    /// Per table mapping counts.
    public var tables: [Table]
    /// The findings shown (all, or the first `--limit`).
    public var findings: [Finding]
    /// How many findings the cycle reported.
    public var findingsTotal: Int
    /// Keys carried into the next cycle, as `mapping` and canonical key text.
    public var carriedKeys: [CarriedKey]
    /// The unexplained diff rate as exact decimal text.
    public var unexplainedRate: String
    /// Every finding's category, largest first.
    public var categories: [Category]
    /// Each source's capture health from the store.
    public var capture: [SourceHealth]
    /// Disposition rules that matched nothing in the last `gate.stale_after_cycles` cycles.
    public var staleDispositions: [StaleDisposition]
    /// Per mapping, stored columns it neither maps, keys nor ignores.
    public var unmappedColumns: [UnmappedColumns]
    /// The aggregate groups the cycle recorded.
    public var aggregates: [AggregateLine] = []
    /// Rounding modes inferred from the cycle's rows.
    public var rounding: [RoundingLine] = []
    /// The cycle's co-write analysis, ranked (hidden state with no counterpart first).
    public var hiddenState: [HiddenStateLine] = []
    /// Legacy catalog changes since the previous cycle's inventory, undocumented first.
    public var inventoryChanges: [InventoryChange] = []
    /// Whether the close took a legacy inventory (false: the hidden-state audit did not run for this cycle).
    public var inventoryTaken = false
    /// Who still uses legacy during the cycle, from the client census.
    public var legacyClients: LegacyClients?
    /// The open-differences ledger as of the cycle.
    public var openDifferences: OpenDifferences?
    /// The last verifications of the store (`parity verify`), as of the report.
    public var verification: VerificationStatus?
    /// Configured mappings this cycle did not compare, and why.
    public var notCompared: [NotCompared] = []
    /// Per configured mapping, its column statistics in the cycle and cumulatively.
    public var columnStatistics: [MappingColumnStatistics] = []
    /// Columns that differ on nearly every row, cycle after cycle, with config to paste (`NoiseRule`).
    public var noiseSuggestions: [NoiseSuggestion] = []
    /// Contracts known and the last `parity contracts export`, as of the report.
    public var contracts: ContractsStatus?
    /// The decision on each category of the cycle's findings and open differences and of every stored decision, as of the cycle's day.
    public var decisions: [CategoryVerdict] = []

    /// Creates a report.
    public init(
        id: Int64, label: String, start: Date, end: Date, status: CycleStatus, tables: [Table], findings: [Finding], findingsTotal: Int,
        carriedKeys: [CarriedKey], unexplainedRate: String, categories: [Category] = [],
        capture: [SourceHealth] = [], staleDispositions: [StaleDisposition] = [], unmappedColumns: [UnmappedColumns] = []
    ) {
        self.id = id
        self.label = label
        self.start = start
        self.end = end
        self.status = status
        self.tables = tables
        self.findings = findings
        self.findingsTotal = findingsTotal
        self.carriedKeys = carriedKeys
        self.unexplainedRate = unexplainedRate
        self.categories = categories
        self.capture = capture
        self.staleDispositions = staleDispositions
        self.unmappedColumns = unmappedColumns
    }
}
