import ParityModel

/// A store whose cycle closes several processes share (`parity worker`, issue 26). A close is planned as tasks over
/// ranges of the key parts; a task folds its parts' pending changes and compares them in one transaction of its own,
/// run by whichever process claims it first; a task whose process dies rolls back and is claimed again. The coordinator,
/// the one process holding the coordinator lock, records the cycle from the tasks' results once every task is done.
///
/// The contract: each cycle is recorded once, from exactly one result per task; a task's fold (if it folds) and its
/// result commit together; a reader handed to a task sees only its parts (a key's rows on both sides share a part), as
/// of the cycle's end whether or not its changes are folded.
public protocol PartitionedCycleStore: CycleStateStore {
    /// Plans `plan`'s close: the store-wide part of its fold (tombstones dropped, truncates applied) and its tasks, in one
    /// transaction. Returns the plan in force, an earlier coordinator's if it had planned the cycle already; nil when
    /// the cycle is closed.
    func planClose(_ plan: ClosePlan) throws(StoreError) -> ClosePlan?
    /// Claims one task of a planned close, folds its parts, calls `compare` with the close's plan and a reader of those
    /// parts as of the cycle's end, and records the text `compare` returns as the task's result, in one transaction.
    /// With `wait`, waits for a task another process holds (taking it over if that process died) instead of passing it
    /// by. Returns false when no task was left to claim. Errors `compare` throws pass through as they are.
    func runCloseTask(wait: Bool, _ compare: (ClosePlan, any CycleStateReader) throws -> String) throws -> Bool
    /// Records cycle `id` once every task of its plan is done: calls `compare` with a reader of the whole state as of the
    /// cycle's end and the tasks' results in part order, and writes what it returns, in one transaction. Returns nil,
    /// recording nothing, when the cycle is closed already; throws `.busy` while a task is not done.
    func finishClose(id: Int64, _ compare: (any CycleStateReader, [String]) throws -> CycleClose) throws(StoreError) -> CycleRecord?
    /// Folds into row state the changes of recorded cycles that their closes compared without folding (a close's
    /// tasks may read the state as of its end from row state and the pending changes, which keeps the fold off the
    /// close's path). Any process may call it at any time; ranges another process is folding are passed by. Returns how
    /// many changes it folded.
    func foldClosedChanges() throws(StoreError) -> Int64
    /// Whether changes of recorded cycles wait to be folded into row state (what ``foldClosedChanges()`` would fold). It
    /// may say yes once more after the last of them was folded, until a fold pass finds nothing; never no while some wait.
    func closedChangesWaiting() throws(StoreError) -> Bool
    /// Places `mapping`'s keys into parts by their canonical form under `normalizers` (its key normalizers), so that a
    /// key's rows on both sides share a part, when the mapping holds no rows or changes on either side; a mapping holding
    /// some keeps the placement they were written under. Returns the normalizers the mapping's keys are placed by.
    func placeKeys(mapping: String, normalizers: [KeyNormalizer]) throws(StoreError) -> [KeyNormalizer]
    /// By mapping, the key normalizers its keys are placed by (``placeKeys(mapping:normalizers:)``); a mapping not listed
    /// is placed by its row key. A close task compares a mapping by part only where these are its key normalizers.
    func keyPlacements() throws(StoreError) -> [String: [KeyNormalizer]]
    /// Takes the coordinator lock, naming `holder`: with `wait`, waits for another process to release it; without,
    /// returns nil when another holds it. Released with the lease's last reference or the process's end.
    func lockCoordinator(holder: String, wait: Bool) throws(StoreError) -> (any CoordinatorLease)?
}

/// The coordinator lock of a store's partitioned closes, held until released (the lease's last reference goes, or the
/// process ends).
public protocol CoordinatorLease: AnyObject, Sendable {}
