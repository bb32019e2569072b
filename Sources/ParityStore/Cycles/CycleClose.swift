import ParityModel

/// Everything a cycle close records, in one store transaction with the fold.
public struct CycleClose: Sendable {
    /// The cycle.
    public var cycle: CycleRecord
    /// Counts per table mapping.
    public var tables: [CycleTableRecord]
    /// Findings reported, in report order.
    public var findings: [Finding]
    /// Keys carried into the next cycle: mapping and canonical key (JSON array text).
    public var carried: [CarriedKey]
    /// Each configured aggregate's groups.
    public var aggregates: [AggregateGroupResult]
    /// Rounding evidence per decimal column with a source expression and side.
    public var rounding: [SubjectRoundingEvidence]
    /// Inventories taken at the close.
    public var inventories: [InventorySnapshot] = []
    /// Inventory items added, removed or changed since the previous snapshots.
    public var inventoryChanges: [InventoryChange] = []
    /// The co-write analysis of the cycle's legacy transactions.
    public var hiddenState: [HiddenStateLine] = []
    /// What the comparison found for keys the open-differences ledger must know about.
    public var differences: [DifferenceVerdict] = []
    /// The rules (a hash of the config text) the open differences were compared under, kept for the next close.
    public var ledgerRules: String?
    /// The mappings this cycle compared for the first time, every row of each (their baseline).
    public var baselines: [String] = []
    /// Per mapping compared, its per-column statistics (`compared` and `matched` are recorded from `tables`).
    public var statistics: [MappingStatistics] = []
    /// Per mapping with a cutover scope (or whose scope was just removed), how much of it was in scope.
    public var scopes: [ScopeShare] = []
    /// Per mapping whose scope changed, the keys its scope table lists now (none when it is no longer scoped by one).
    public var scopeKeys: [String: Set<ExactText>] = [:]

    /// Creates the close.
    public init(
        cycle: CycleRecord, tables: [CycleTableRecord], findings: [Finding], carried: [CarriedKey],
        aggregates: [AggregateGroupResult] = [], rounding: [SubjectRoundingEvidence] = []
    ) {
        self.cycle = cycle
        self.tables = tables
        self.findings = findings
        self.carried = carried
        self.aggregates = aggregates
        self.rounding = rounding
    }
}
