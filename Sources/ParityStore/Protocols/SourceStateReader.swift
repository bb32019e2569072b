/// What the store holds for one side and mapping as of a source position, one row at a time
/// (``CycleStateStore/withSourceState(side:mapping:asOf:_:)``): the row state as of the last closed cycle in its two
/// levels, and the captured changes before the position, each sorted by key text in byte order.
public protocol SourceStateReader: AnyObject {
    /// Whether a truncate committed before the position: the row state as of the last closed cycle no longer counts.
    var truncated: Bool { get }
    /// The next key of the row state, in key order (a key the delta holds too is as the delta says); nil after the last,
    /// and always after a truncate.
    func nextStateRow() throws(StoreError) -> ClosedSourceRow?
    /// The next key of the delta over the row state, in key order (deleted keys too); nil after the last, and always after
    /// a truncate.
    func nextDeltaRow() throws(StoreError) -> ClosedSourceRow?
    /// The next captured change before the position (after the last truncate), in key order and commit order within a
    /// key; nil after the last.
    func nextChange() throws(StoreError) -> CapturedSourceChange?
}
