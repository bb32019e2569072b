/// Thresholds of the decommission gate (`gate:`).
public struct GateConfiguration: Sendable, Hashable {
    /// Number of most recent closed cycles evaluated.
    public var cycles: Int
    /// Highest acceptable unexplained diff rate, a decimal string in [0, 1].
    public var maxUnexplainedRate: String
    /// Most open differences without an explaining disposition (none, or `match`) the gate accepts, whatever cycle
    /// found them; both this and `maxUnexplainedRate` must hold.
    public var maxOpenUnexplained: Int
    /// Cycles at the end of the window with no legacy writes at all (0: not required).
    public var legacyQuietCycles: Int
    /// Highest acceptable capture lag.
    public var maxLag: Duration
    /// Application names allowed to keep using legacy.
    public var allowedClients: [String]
    /// A criterion's evidence older than this many cycles is stale.
    public var staleAfterCycles: Int
    /// Whether the gate requires a `parity contracts export` run under the decisions in force (none changed since).
    public var requireContractsExport: Bool

    /// Creates a gate configuration.
    public init(
        cycles: Int = 30,
        maxUnexplainedRate: String = "0",
        maxOpenUnexplained: Int = 0,
        legacyQuietCycles: Int = 0,
        maxLag: Duration = .seconds(300),
        allowedClients: [String] = [],
        staleAfterCycles: Int = 30,
        requireContractsExport: Bool = false
    ) {
        self.cycles = cycles
        self.maxUnexplainedRate = maxUnexplainedRate
        self.maxOpenUnexplained = maxOpenUnexplained
        self.legacyQuietCycles = legacyQuietCycles
        self.maxLag = maxLag
        self.allowedClients = allowedClients
        self.staleAfterCycles = staleAfterCycles
        self.requireContractsExport = requireContractsExport
    }
}
