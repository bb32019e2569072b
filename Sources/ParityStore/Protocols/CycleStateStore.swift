import ParityModel

/// The cycles and the row state they close over: closing a cycle folds its changes into the state and hands the
/// comparison a reader of the state as of the cycle's end; the state can also be read as of the last closed cycle or as of
/// a source position (for `parity verify`).
///
/// The contract: a close records its cycle once (closing a closed cycle again records nothing and returns nil), with
/// everything the comparison returned, in one transaction; rows come out sorted by key text in byte order.
public protocol CycleStateStore: Sendable {
    /// Every closed cycle, oldest first.
    func cycles() throws(StoreError) -> [CycleRecord]
    /// The last closed cycle, or nil before the baseline.
    func latestCycle() throws(StoreError) -> CycleRecord?
    /// One closed cycle, or nil.
    func cycle(id: Int64) throws(StoreError) -> CycleRecord?
    /// The counts per table mapping of a closed cycle, by mapping name.
    func cycleTables(cycle: Int64) throws(StoreError) -> [CycleTableRecord]
    /// Keys carried into cycle `cycle` (compared again when it closes), by mapping and key.
    func carriedKeys(into cycle: Int64) throws(StoreError) -> [CarriedKey]

    /// Closes cycle `id`: folds the pending changes committed before `end` (nil, the baseline: none) into the state,
    /// calls `compare` with a reader of the state as of the end, and records the cycle and what `compare` returned.
    /// Returns nil, recording nothing, when cycle `id` is closed already.
    @discardableResult
    func closeCycle(id: Int64, foldBefore end: Int64?, _ compare: (any CycleStateReader) throws -> CycleClose) throws(StoreError) -> CycleRecord?
    /// Calls `body` with a reader of both sides' row state as of the last closed cycle, in one consistent read.
    func withClosedState<T>(_ body: (any CycleStateReader) throws -> T) throws(StoreError) -> T
    /// Calls `body` with a reader of what the store holds for `mapping` on `side` as of source position `lsn`, in one
    /// consistent read. Errors `body` throws pass through as they are.
    func withSourceState<T>(side: SourceSide, mapping: String, asOf lsn: Int64, _ body: (any SourceStateReader) throws -> T) throws -> T
    /// The column names of one stored row image of `mapping` on `side`, or nil when none is stored.
    func storedColumns(side: SourceSide, mapping: String) throws(StoreError) -> [String]?
    /// The image of `rowKey` on `side` as of the last closed cycle; nil when the row does not exist.
    func closedImage(side: SourceSide, mapping: String, rowKey: String) throws(StoreError) -> [String: String?]?
}
