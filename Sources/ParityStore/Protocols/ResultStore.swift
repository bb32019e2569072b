import ParityModel

/// What closes found and recorded: findings, the open-differences ledger, aggregates and rounding evidence, per-column
/// statistics, scope shares, hidden state (inventories, their changes, co-writes), and the census of clients.
///
/// The contract: what a close recorded reads back as it was written; a difference stays open, with its first-seen and
/// last-seen cycles, until a close resolves it.
public protocol ResultStore: Sendable {
    /// The findings a closed cycle reported, in report order.
    func findings(cycle: Int64) throws(StoreError) -> [Finding]
    /// Differences in the ledger: the open ones (`open` true) or the resolved ones, or those cycle `resolvedIn` resolved,
    /// optionally of one mapping and kind; oldest first-seen first, then by mapping, key and column.
    func differences(open: Bool, resolvedIn cycle: Int64?, mapping: String?, kind: FindingKind?) throws(StoreError) -> [OpenDifference]
    /// The differences open at the end of cycle `cycle` or resolved by it, oldest first-seen first.
    func differences(asOf cycle: Int64) throws(StoreError) -> [OpenDifference]
    /// The open differences counted per mapping and kind, with the oldest first-seen cycle of each.
    func openDifferenceCounts() throws(StoreError) -> [OpenDifferenceCount]
    /// Per category of the ledger (mapping, legacy column, kind), how many differences are open and how many it holds.
    func differenceCategoryCounts() throws(StoreError) -> [DifferenceCategoryCount]
    /// The open differences of one category at the end of every closed cycle from `cycle` on (all when nil), in order;
    /// 0 for a cycle at which none was open.
    func categoryOpenHistory(mapping: String, column: String?, kind: FindingKind, from cycle: Int64?) throws(StoreError) -> [(cycle: Int64, open: Int)]

    /// The aggregate rows a closed cycle wrote (balances, and the flow days it changed), by aggregate, day and group.
    func aggregateResults(cycle: Int64) throws(StoreError) -> [AggregateGroupResult]
    /// The cycles that wrote a flow day in `[from, through]` (`YYYY-MM-DD`), in order.
    func flowCycles(from: String, through: String) throws(StoreError) -> [Int64]
    /// Every flow day's latest value as of cycle `cycle` whose day lies in `[from, through]` (`YYYY-MM-DD`), by aggregate,
    /// day and group, with the cycle that wrote it.
    func flowResults(asOf cycle: Int64, from: String, through: String) throws(StoreError) -> [(cycle: Int64, AggregateGroupResult)]
    /// The rounding evidence a closed cycle recorded, by mapping, kind, column and side.
    func roundingEvidence(cycle: Int64) throws(StoreError) -> [SubjectRoundingEvidence]
    /// Every mapping's statistics in each closed cycle up to `cycle` that recorded them, by cycle then mapping.
    func mappingStatistics(through cycle: Int64) throws(StoreError) -> [(cycle: Int64, statistics: MappingStatistics)]
    /// The scope shares of every closed cycle up to `cycle`, by cycle then mapping.
    func scopeShares(through cycle: Int64) throws(StoreError) -> [ScopeShare]
    /// The scope `mapping` was last compared under, and the keys its scope table listed then (empty for filters).
    func latestScope(mapping: String) throws(StoreError) -> (share: ScopeShare, keys: Set<ExactText>)?

    /// The inventory of `side` recorded by the latest cycle at or before `cycle`, with that cycle's id.
    func inventory(side: SourceSide, atOrBefore cycle: Int64) throws(StoreError) -> (cycle: Int64, InventorySnapshot)?
    /// The inventory changes cycle `cycle` recorded.
    func inventoryChanges(cycle: Int64) throws(StoreError) -> [InventoryChange]
    /// The co-write analysis cycle `cycle` recorded.
    func hiddenState(cycle: Int64) throws(StoreError) -> [HiddenStateLine]
    /// Rows a source's transactions wrote per table with a commit time in `[from, to)` (µs since 1970), by table name.
    func tableWrites(side: SourceSide, from: Int64, to: Int64) throws(StoreError) -> [(table: String, rows: Int)]
    /// The patterns of rows `side`'s transactions wrote to `table` per operation and, in the same transactions, to
    /// `other`, most frequent first (then oldest first), at most `limit`: the co-write evidence of a trigger-maintained table.
    func coWritePatterns(
        side: SourceSide, table: String, with other: String, limit: Int
    ) throws(StoreError) -> [(base: [String: Int], other: [String: Int], transactions: Int, firstCommit: Int64)]
    /// The census of `side` over `[from, to)` (µs since 1970): samples taken and distinct clients, by application name.
    func census(side: SourceSide, from: Int64, to: Int64) throws(StoreError) -> CensusWindow
}

extension ResultStore {
    /// The open (`open` true, the default) or resolved differences of the ledger, optionally of one mapping and kind,
    /// oldest first-seen first.
    public func differences(open: Bool = true, mapping: String? = nil, kind: FindingKind? = nil) throws(StoreError) -> [OpenDifference] {
        try differences(open: open, resolvedIn: nil, mapping: mapping, kind: kind)
    }

    /// The differences cycle `cycle` resolved.
    public func differences(resolvedIn cycle: Int64) throws(StoreError) -> [OpenDifference] {
        try differences(open: false, resolvedIn: cycle, mapping: nil, kind: nil)
    }
}
