import ParityModel
import ParityStore
import PostgresClient

extension PostgresStore: PartitionedCycleStore {
    /// How many tasks a close is split into: ranges of parts as even as P allows.
    public static let closeTasks = 16

    /// The ranges of parts a close's tasks cover, in part order.
    var taskRanges: [ClosedRange<Int>] {
        let count = min(Self.closeTasks, partitions.count)
        return (0..<count).map { index in
            (index * partitions.count / count)...((index + 1) * partitions.count / count - 1)
        }
    }

    /// Plans `plan`'s close in one transaction: the fold's store-wide step (``CycleFold/prepare(_:cycle:before:)``) and one
    /// task per range of parts. Returns the plan in force: an earlier coordinator's if the cycle was planned already
    /// (under other rules, or without keys `plan` holds for a scope table, its tasks are compared again with `plan`'s rules
    /// and scope keys: their folds stand, their results do not); nil when it is closed.
    public func planClose(_ plan: ClosePlan) throws(StoreError) -> ClosePlan? {
        let foldsFirst = try foldsFirst(before: plan.foldBefore)
        return try write(.snapshotWrite) { transaction -> ClosePlan? in
            // Plans, closes and reduces one at a time; the snapshot follows the locks (see closeCycle).
            try transaction.execute("LOCK TABLE cycle IN SHARE ROW EXCLUSIVE MODE")
            if foldsFirst { try Self.keepClosedFoldsOut(in: transaction) }
            let id = plan.cycle.id
            guard try transaction.row("SELECT 1 FROM cycle WHERE id = \(id)") == nil else { return nil }
            if let row = try transaction.row("SELECT * FROM close_plan WHERE cycle = \(id)") {
                var planned = try ClosePlan(row: row, in: transaction)
                // A plan without a scope table's keys (planned by a Parity before migration 008) had that mapping compared
                // by the coordinator alone: its tasks run again, split as this plan splits it.
                guard planned.rules != plan.rules || !Set(planned.scopeKeys.keys).isSuperset(of: plan.scopeKeys.keys) else {
                    return planned
                }
                try transaction.execute("UPDATE close_plan SET rules = \(plan.rules) WHERE cycle = \(id)")
                try transaction.execute("UPDATE close_task SET done = false, result = NULL WHERE cycle = \(id)")
                try transaction.execute("DELETE FROM close_scope_key WHERE cycle = \(id)")
                try Self.insertScopeKeys(plan.scopeKeys, cycle: id, in: transaction)
                planned.rules = plan.rules
                planned.scopeKeys = plan.scopeKeys
                return planned
            }
            let (changesAfter, changed) = try beginClose(id, before: plan.foldBefore, foldsFirst: foldsFirst, in: transaction)
            let cycle = plan.cycle
            try transaction.execute("""
                INSERT INTO close_plan (cycle, label, start_time, end_time, status, closed_at, fold_before, rules, changed, changes_after)
                VALUES (\(id), \(cycle.label), \(cycle.start), \(cycle.end), \(cycle.status.rawValue), \(cycle.closedAt), \(plan.foldBefore),
                    \(plan.rules), \(changed), \(changesAfter))
                """)
            try Self.insertScopeKeys(plan.scopeKeys, cycle: id, in: transaction)
            for parts in taskRanges {
                try transaction.execute("""
                    INSERT INTO close_task (cycle, first_part, last_part) VALUES (\(id), \(parts.lowerBound), \(parts.upperBound))
                    """)
            }
            return plan
        }
    }

    /// Stores the keys each scope table listed for cycle `id`'s plan (``ClosePlan/scopeKeys``).
    private static func insertScopeKeys(_ scopeKeys: [String: Set<ExactText>], cycle id: Int64, in transaction: StoreTransaction) throws {
        for (mapping, listed) in scopeKeys {
            try transaction.execute("""
                INSERT INTO close_scope_key (cycle, mapping, listed) VALUES (\(id), \(mapping), \(RowJSON.key(listed.sorted().map(\.rawValue))))
                """)
        }
    }

    /// Claims the first task not done (``PartitionedCycleStore/runCloseTask(wait:_:)``) and runs it in one transaction
    /// that sees what committed before each statement: the fold deletes and folds its parts' changes in one statement,
    /// and no other process writes those parts' state, ledger or carried keys while the task holds its row.
    /// The task first analyzes its parts' pending changes if their statistics are stale (``PendingStatistics``).
    public func runCloseTask(wait: Bool, _ compare: (ClosePlan, any CycleStateReader) throws -> String) throws -> Bool {
        do {
            return try sessions.passingErrors { session in
                try session.passingErrors(.write) { transaction in
                    guard let row = try transaction.row("""
                        SELECT p.*, t.first_part, t.last_part
                        FROM close_task AS t JOIN close_plan AS p USING (cycle)
                        WHERE NOT t.done ORDER BY t.cycle, t.first_part LIMIT 1
                        FOR UPDATE OF t \(unsafeSQL: wait ? "" : "SKIP LOCKED")
                        """) else { return false }
                    let plan = try ClosePlan(row: row, in: transaction)
                    let parts = try row.int("first_part")...row.int("last_part")
                    // Whether the plan's store-wide step (CycleFold.prepare) wrote and listed rows.
                    let prepared = try row.bool("changed")
                    let changesAfter = try row.optionalInt64("changes_after")
                    try PendingStatistics.refresh(parts: parts, in: transaction)
                    let overlay = try Self.overlay(changesAfter: changesAfter, foldBefore: plan.foldBefore, parts: parts, in: transaction)
                    let folded = try Self.takeChanges(
                        of: plan.cycle.id, changesAfter: changesAfter, before: plan.foldBefore, parts: parts, prepared: prepared, in: transaction)
                    let reader = PostgresCycleStateReader(
                        store: self, transaction: transaction, cycle: plan.cycle.id, changedNothing: !prepared && folded == 0,
                        overlay: overlay, parts: parts)
                    let result = try compare(plan, reader)
                    try transaction.execute("""
                        UPDATE close_task SET done = true, folded = \(folded), result = \(result)
                        WHERE cycle = \(plan.cycle.id) AND first_part = \(parts.lowerBound)
                        """)
                    return true
                }
            }
        } catch where error is PostgresError || error is UnknownStoredValue {
            throw StoreErrors.from(error, doing: "running a close task", location: location)
        }
    }

    /// Records cycle `id` from its tasks' results in one transaction, under the lock closes take, and drops its plan;
    /// then retires the closed cycle's `transaction_write` rows and census samples (``retire(closed:)``).
    public func finishClose(id: Int64, _ compare: (any CycleStateReader, [String]) throws -> CycleClose) throws(StoreError) -> CycleRecord? {
        let record = try write(.snapshotWrite) { transaction -> CycleRecord? in
            try transaction.execute("LOCK TABLE cycle IN SHARE ROW EXCLUSIVE MODE")
            guard try transaction.row("SELECT 1 FROM cycle WHERE id = \(id)") == nil else { return nil }
            guard let plan = try transaction.row("SELECT changed, changes_after, fold_before FROM close_plan WHERE cycle = \(id)") else {
                throw StoreError(code: .busy, message: "cycle \(id) has no close planned; plan it first", path: location)
            }
            let tasks = try transaction.rows("SELECT done, folded, result FROM close_task WHERE cycle = \(id) ORDER BY first_part")
            let results = try tasks.compactMap { row -> String? in try row.bool("done") ? row["result"] : nil }
            guard results.count == tasks.count else {
                throw StoreError(code: .busy, message: "cycle \(id) has \(tasks.count - results.count) close tasks not done", path: location)
            }
            let changed = try plan.bool("changed") || tasks.contains { try $0.int64("folded") > 0 }
            let foldBefore = try plan.optionalInt64("fold_before")
            let overlay = try Self.overlay(
                changesAfter: plan.optionalInt64("changes_after"), foldBefore: foldBefore, parts: KeyPartition.everyPart, in: transaction)
            let close = try compare(
                PostgresCycleStateReader(store: self, transaction: transaction, cycle: id, changedNothing: !changed, overlay: overlay), results)
            try CloseRecord(close: close, partition: partitions).write(in: transaction)
            try Self.recordClosed(before: foldBefore, in: transaction)
            try transaction.execute("DELETE FROM close_plan WHERE cycle = \(id)")
            return close.cycle
        }
        if let record { try retire(closed: record) }
        return record
    }
}

extension ClosePlan {
    /// The plan of a `close_plan` row, with the scope tables' keys its coordinator stored.
    init(row: PostgresRow, in transaction: StoreTransaction) throws {
        let cycle = try row.int64("cycle")
        var scopeKeys: [String: Set<ExactText>] = [:]
        for listed in try transaction.rows("SELECT mapping, listed FROM close_scope_key WHERE cycle = \(cycle)") {
            let text = try listed.text("listed")
            guard let keys = RowJSON.decodeNames(text) else {
                throw UnknownStoredValue(column: "close_scope_key.listed", value: text, expected: "JSON array of listed keys")
            }
            scopeKeys[try listed.text("mapping")] = Set(keys.map { ExactText($0) })
        }
        try self.init(
            cycle: CycleRecord(
                id: cycle, label: row.text("label"), start: row.int64("start_time"), end: row.int64("end_time"),
                status: row.vocabulary("status"), closedAt: row.int64("closed_at"), keysCompared: 0, unexplainedRate: ""),
            foldBefore: row.optionalInt64("fold_before"), rules: row.text("rules"), scopeKeys: scopeKeys)
    }
}
