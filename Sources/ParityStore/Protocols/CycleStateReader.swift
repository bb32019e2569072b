import ParityModel

/// Reads both sides' row state as of a cycle's end (inside a close, after its fold) or as of the last closed cycle
/// (``CycleStateStore/withClosedState(_:)``), with what the close needs beside the rows: carried and open keys, the
/// previous cycle's flow results, inventory and scope. Valid only inside the call that hands it out.
public protocol CycleStateReader: AnyObject {
    /// Whether the cycle changed nothing: no key changed on either side.
    var changedNothing: Bool { get }

    /// Keys (JSON array text) changed on `side` before the end, with each key's latest commit time (µs since 1970).
    func changedKeys(side: SourceSide, mapping: String) throws -> [ExactText: Int64]
    /// The image of `rowKey` on `side` as of the end; nil when the row does not exist.
    func image(side: SourceSide, mapping: String, rowKey: String) throws -> [String: String?]?
    /// The rows of `side` sorted by key text in byte order (``StateRowCursor``), streamed: with `changedOnly`, the keys
    /// changed before the end (a deleted key with nil values); otherwise every row that exists as of the end.
    func rows(side: SourceSide, mapping: String, changedOnly: Bool) throws -> any StateRowCursor
    /// Every flow day's latest aggregate row recorded before this cycle.
    func previousFlowResults() throws -> [AggregateGroupResult]
    /// The tables each `side` transaction committed in `[start, end)` wrote (`schema.table` → rows), in commit order.
    func transactionWrites(side: SourceSide, from start: Int64, to end: Int64) throws -> [[String: Int]]
    /// The inventory of `side` recorded before this cycle.
    func previousInventory(side: SourceSide) throws -> InventorySnapshot?
    /// The canonical keys of `mapping` with an open difference (compared again at every close), in key byte order.
    func openDifferenceKeys(mapping: String) throws -> [CanonicalKey]
    /// Whether the ledger must be rebuilt from the keys past findings named (a store from before it).
    func rebuildsLedger() throws -> Bool
    /// The rules (a hash of the config text) the ledger's open differences were last compared under; nil before any.
    func ledgerRules() throws -> String?
    /// The legacy keys (column → text) that findings of `mapping` ever named, when the ledger must be rebuilt; empty otherwise.
    func keysToRebuild(mapping: String) throws -> [[String: String?]]
    /// Where each mapping was copied on each side.
    func mappingSources() throws -> [MappingSource]
    /// The cycle that first compared each mapping.
    func mappingBaselines() throws -> [String: Int64]
    /// Canonical keys of `mapping` carried into this cycle, in key byte order.
    func carriedKeys(mapping: String) throws -> [CanonicalKey]
    /// The scope `mapping` was last compared under, before this cycle (nil: never scoped).
    func previousScope(mapping: String) throws -> ScopeShare?
    /// By mapping, the key normalizers a store that splits closes by part placed its keys by
    /// (``PartitionedCycleStore/keyPlacements()``); none recorded, by the row key.
    func keyPlacements() throws -> [String: [KeyNormalizer]]
}

extension CycleStateReader {
    /// A store that does not split closes by part places no keys.
    public func keyPlacements() throws -> [String: [KeyNormalizer]] { [:] }

    /// Every key that exists on `side` as of the end, in key byte order.
    public func keys(side: SourceSide, mapping: String) throws -> [String] {
        var keys: [String] = []
        let rows = try rows(side: side, mapping: mapping, changedOnly: false)
        while let row = try rows.next() { keys.append(row.key) }
        return keys
    }

    /// Calls `body` with every row on `side` as of the end (key text and image), streamed.
    public func forEachImage(side: SourceSide, mapping: String, _ body: (String, [String: String?]) throws -> Void) throws {
        let rows = try rows(side: side, mapping: mapping, changedOnly: false)
        while let row = try rows.next() {
            try body(row.key, try row.image ?? [:])
        }
    }
}
