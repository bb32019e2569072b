import ParityModel
import ParityStore
import PostgresClient

extension PostgresStore {
    /// Folds the changes that closes compared without folding (``PendingState``) into row state, once their cycle is
    /// recorded: range of parts by range, each in a transaction of its own, passing by a range another process is folding.
    /// Returns how many changes it folded.
    public func foldClosedChanges() throws(StoreError) -> Int64 {
        // Usually nothing is left: one look, not a transaction per range.
        guard try closedChangesWaiting() else { return 0 }
        var folded: Int64 = 0
        for parts in taskRanges {
            folded += try write { transaction -> Int64 in
                // Waits for a close that folds first (beginClose) to end, before this transaction's first snapshot.
                try transaction.execute("LOCK TABLE folded_key IN ROW EXCLUSIVE MODE")
                guard let end = try Self.closedBefore(in: transaction), try Self.lockFold(of: parts, in: transaction) else { return 0 }
                return try CycleFold.foldClosed(transaction, before: end, parts: parts)
            }
        }
        for side in SourceSide.allCases {
            try write { transaction in try raiseUnfoldedSince(of: side, in: transaction) }
        }
        return folded
    }

    /// Whether closed cycles' changes wait to be folded: a side's `unfolded_since` (at or before every pending change of
    /// the side, migration 012) is before the last closed cycle's end, or a close that folded first left its list of keys.
    public func closedChangesWaiting() throws(StoreError) -> Bool {
        try read { transaction -> Bool in
            guard let end = try Self.closedBefore(in: transaction) else { return false }
            return try transaction.row("""
                SELECT 1 WHERE EXISTS (SELECT 1 FROM source_state WHERE unfolded_since < \(end))
                    OR EXISTS (SELECT 1 FROM folded_key WHERE cycle IN (SELECT id FROM cycle))
                """) != nil
        }
    }

    /// Sets `side`'s `unfolded_since` to the oldest pending change's commit time, either side's (NULL: none is pending),
    /// read part by part through the primary key. The side's row is locked first: its capture holds the row from the
    /// start of the transaction that writes changes, so each of the side's changes is either read here or lowers the value
    /// after this commits. The oldest of both sides' is at or before the side's own oldest, which is all the value
    /// promises; each side in a transaction of its own, so a capture's long commit holds up this fold, not the other
    /// side's capture.
    private func raiseUnfoldedSince(of side: SourceSide, in transaction: StoreTransaction) throws {
        try transaction.execute("SELECT side FROM source_state WHERE side = \(side.rawValue) FOR UPDATE")
        try transaction.execute("""
            UPDATE source_state SET unfolded_since = (
                SELECT min(oldest.commit_time) FROM generate_series(0, \(partitions.count - 1)) AS p (part),
                    LATERAL (SELECT commit_time FROM pending_change AS c WHERE c.part = p.part ORDER BY commit_time LIMIT 1) AS oldest)
            WHERE side = \(side.rawValue)
            """)
    }

    /// Folds every closed cycle's changes left pending, in a close that folds its own changes into row state first (those
    /// of the cycles before it must be there) and keeps other folds out (``keepClosedFoldsOut(in:)``).
    private func foldClosedChanges(in transaction: StoreTransaction) throws {
        guard let end = try Self.closedBefore(in: transaction) else { return }
        _ = try CycleFold.foldClosed(transaction, before: end, parts: KeyPartition.everyPart)
    }

    /// Whether a close of the changes committed before `end` (nil: a baseline's, none) folds them into row state before
    /// it compares: when a truncate is among them. Asked before the close's transaction (``beginClose(_:before:foldsFirst:in:)``);
    /// the changes before a due cycle's end are all captured, so the answer holds.
    func foldsFirst(before end: Int64?) throws(StoreError) -> Bool {
        guard let end else { return false }
        return try read { transaction in try transaction.row("SELECT 1 FROM pending_truncate WHERE commit_time < \(end) LIMIT 1") != nil }
    }

    /// Begins closing cycle `cycle` in its transaction, whose changes are those committed before `end` (nil: a baseline's,
    /// none). A close that does not fold first compares without folding, and its changes are those after the last closed
    /// cycle's end, returned (`changesAfter`). One that folds first (``foldsFirst(before:)``) folds every closed cycle's
    /// changes still pending, then runs the first step of its own fold (``CycleFold/prepare(_:cycle:before:)``;
    /// `prepared`: whether it wrote rows); its transaction has kept the folds of closed changes out
    /// (``keepClosedFoldsOut(in:)``).
    func beginClose(_ cycle: Int64, before end: Int64?, foldsFirst: Bool, in transaction: StoreTransaction) throws -> (changesAfter: Int64?, prepared: Bool) {
        guard let end else { return (nil, false) }
        guard foldsFirst else { return (try Self.closedBefore(in: transaction) ?? Int64.min, false) }
        try foldClosedChanges(in: transaction)
        return (nil, try CycleFold.prepare(transaction, cycle: cycle, before: end))
    }

    /// Takes cycle `cycle`'s changes in `parts` committed before `end` (nil: a baseline's, none) for its comparison and
    /// returns how many there are. A close that compares without folding (`changesAfter` from
    /// ``beginClose(_:before:foldsFirst:in:)``) counts them where they are pending; one that folds first folds them into
    /// row state (``CycleFold/apply(_:cycle:before:parts:prepared:)``) once a fold of closed changes in the range is done.
    static func takeChanges(
        of cycle: Int64, changesAfter: Int64?, before end: Int64?, parts: ClosedRange<Int>, prepared: Bool, in transaction: StoreTransaction
    ) throws -> Int64 {
        guard let end else { return 0 }
        if let changesAfter {
            return try PendingState(from: changesAfter, before: end, changedAfter: nil, parts: parts).count(in: transaction)
        }
        try waitForFold(of: parts, in: transaction)
        return Int64(try CycleFold.apply(transaction, cycle: cycle, before: end, parts: parts, prepared: prepared))
    }

    /// Waits for the folds of closed changes in progress (``foldClosedChanges()``) and keeps new ones out until
    /// `transaction` ends, for a close that folds first. Call it before any statement that takes the transaction's
    /// snapshot: a row such a fold wrote after the snapshot would fail the close's own write to it.
    static func keepClosedFoldsOut(in transaction: StoreTransaction) throws {
        try transaction.execute("LOCK TABLE folded_key IN SHARE ROW EXCLUSIVE MODE")
    }

    /// The end of the last cycle closed with a fold boundary: the changes committed before it belong to closed cycles,
    /// folded into row state or still pending. nil before the first such close.
    static func closedBefore(in transaction: StoreTransaction) throws -> Int64? {
        try transaction.value("SELECT value FROM store_info WHERE key = 'closed_before'").flatMap(Int64.init)
    }

    /// Records that the cycle closed in `transaction` covered the changes committed before `end` (nil: a baseline's,
    /// none).
    static func recordClosed(before end: Int64?, in transaction: StoreTransaction) throws {
        guard let end else { return }
        try transaction.execute("""
            INSERT INTO store_info (key, value) VALUES ('closed_before', \(String(end)))
            ON CONFLICT (key) DO UPDATE SET value = greatest(store_info.value::bigint, excluded.value::bigint)::text
            """)
    }

    /// The pending changes a reader of a cycle's state lays over row state: for a close that does not fold, those before
    /// its end, the cycle's own from `changesAfter`; otherwise those of closed cycles not folded yet.
    static func overlay(changesAfter: Int64?, foldBefore: Int64?, parts: ClosedRange<Int>, in transaction: StoreTransaction) throws -> PendingState? {
        if let changesAfter, let foldBefore {
            return PendingState(from: Int64.min, before: foldBefore, changedAfter: changesAfter, parts: parts)
        }
        return try closedBefore(in: transaction).map { PendingState(from: Int64.min, before: $0, changedAfter: nil, parts: parts) }
    }

    /// Takes the lock on folding `parts` until `transaction` ends; returns false when another process holds it. Two
    /// folds of one range must not interleave: a row one deletes, the other could write again (and rows locked in two
    /// orders deadlock).
    private static func lockFold(of parts: ClosedRange<Int>, in transaction: StoreTransaction) throws -> Bool {
        try transaction.value("SELECT pg_try_advisory_xact_lock(\(unsafeSQL: "\(foldLockClass), \(parts.lowerBound)"))") == "t"
    }

    /// Takes the lock on folding `parts` until `transaction` ends, waiting for a fold of closed changes in progress: a
    /// close task that folds its parts' changes.
    private static func waitForFold(of parts: ClosedRange<Int>, in transaction: StoreTransaction) throws {
        try transaction.execute("SELECT pg_advisory_xact_lock(\(unsafeSQL: "\(foldLockClass), \(parts.lowerBound)"))")
    }

    /// The advisory lock class of folds by range ("pari").
    private static let foldLockClass: Int32 = 0x7061_7269
}
