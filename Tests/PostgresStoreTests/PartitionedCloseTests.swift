import Foundation
import ParityModel
import ParityStore
import ParityTestSupport
@testable import PostgresStore
import Testing

/// A close shared by workers (``PartitionedCycleStore``): planned once, each task run once over its parts alone, a
/// failed task run again, the cycle recorded once from every task's result.
@Suite("PostgreSQL store: closes shared by workers")
struct PartitionedCloseTests {
    static func plan(rules: String = "rules", closedAt: Int64 = 1) -> ClosePlan {
        ClosePlan(
            cycle: CycleRecord(id: 0, label: "baseline", start: 0, end: 0, status: .closed, closedAt: closedAt, keysCompared: 0, unexplainedRate: ""),
            foldBefore: nil, rules: rules)
    }

    static func close(_ plan: ClosePlan) -> CycleClose {
        var cycle = plan.cycle
        cycle.unexplainedRate = "0"
        return CycleClose(cycle: cycle, tables: [], findings: [], carried: [])
    }

    @Test("a close is planned once, each task reads only its parts and runs once, and the cycle is recorded once from every result")
    func tasksOverParts() throws {
        let test = try TestStore(partitions: 40)
        let ids = (0..<300).map(String.init)
        try test.initialize(Dictionary(uniqueKeysWithValues: ids.map { ($0, "1.00") }))
        let plan = Self.plan()
        #expect(try test.store.planClose(plan) == plan)
        #expect(try test.store.planClose(Self.plan(closedAt: 99)) == plan, "a later coordinator takes up the plan in force")
        #expect(throws: StoreError.self) { try test.store.finishClose(id: 0) { _, _ in Self.close(plan) } }

        let ranges = test.store.taskRanges
        #expect(ranges.count == PostgresStore.closeTasks && ranges.first?.lowerBound == 0 && ranges.last?.upperBound == 39)
        var seen: [[String]] = []
        while try test.store.runCloseTask(wait: false, { taskPlan, reader in
            #expect(taskPlan == plan)
            let keys = try reader.keys(side: .legacy, mapping: "orders")
            seen.append(keys)
            return keys.joined(separator: ";")
        }) {}
        #expect(seen.count == ranges.count)
        for keys in seen {
            let parts = Set(keys.map { test.store.partitions.part(of: $0) })
            #expect(ranges.contains { range in parts.allSatisfy(range.contains) }, "a task reads its parts only")
        }
        #expect(seen.flatMap { $0 }.sorted() == ids.map(TestStore.key).sorted(), "every key read once")

        let recorded = try test.store.finishClose(id: 0) { _, results in
            #expect(results == ranges.map { range in
                seen.first { keys in keys.allSatisfy { range.contains(test.store.partitions.part(of: $0)) } && !keys.isEmpty }?
                    .joined(separator: ";") ?? ""
            }, "results in part order")
            return Self.close(plan)
        }
        #expect(recorded?.id == 0)
        #expect(try test.store.finishClose(id: 0) { _, _ in Self.close(plan) } == nil, "recorded once")
        #expect(try test.store.planClose(plan) == nil, "a closed cycle is not planned again")
        #expect(try test.store.runCloseTask(wait: false) { _, _ in "" } == false)
        let connection = try test.database.connect()
        defer { connection.close() }
        #expect(try connection.query("SELECT count(*) AS n FROM close_task").singleRow().decode(Int.self, "n") == 0)
    }

    @Test("a plan's scope-table keys reach every task and a coordinator that takes it over; under other rules, the new plan's")
    func scopeKeys() throws {
        let test = try TestStore(partitions: 40)
        try test.initialize(["1": "1.00", "2": "2.00"])
        var plan = Self.plan()
        plan.scopeKeys = ["orders": ["7", "9", "it's \"quoted\""], "unlisted": []]
        #expect(try test.store.planClose(plan) == plan)
        #expect(try test.store.planClose(Self.plan(closedAt: 99)) == plan, "a later coordinator takes up the plan's keys")
        var tasks = 0
        while try test.store.runCloseTask(wait: false, { taskPlan, _ in
            #expect(taskPlan.scopeKeys == plan.scopeKeys)
            tasks += 1
            return ""
        }) {}
        #expect(tasks == test.store.taskRanges.count)

        var replanned = Self.plan(rules: "other")
        replanned.scopeKeys = ["orders": ["8"]]
        #expect(try test.store.planClose(replanned) == replanned)
        while try test.store.runCloseTask(wait: false, { taskPlan, _ in
            #expect(taskPlan.scopeKeys == ["orders": ["8"]])
            return ""
        }) {}
        #expect(try test.store.finishClose(id: 0) { _, _ in Self.close(plan) }?.id == 0)
        let connection = try test.database.connect()
        defer { connection.close() }
        #expect(try connection.query("SELECT count(*) AS n FROM close_scope_key").singleRow().decode(Int.self, "n") == 0, "gone with the plan")
    }

    @Test("a plan without the scope-table keys a coordinator holds (an older Parity's) has its tasks run again with them")
    func planWithoutScopeKeys() throws {
        let test = try TestStore(partitions: 16)
        try test.initialize(["1": "1.00"])
        #expect(try test.store.planClose(Self.plan()) != nil)
        #expect(try test.store.runCloseTask(wait: false) { _, _ in "before" })
        var plan = Self.plan()
        plan.scopeKeys = ["orders": ["7"]]
        #expect(try test.store.planClose(plan) == plan)
        var results: [String] = []
        while try test.store.runCloseTask(wait: false, { taskPlan, _ in
            #expect(taskPlan.scopeKeys == plan.scopeKeys)
            results.append("after")
            return "after"
        }) {}
        #expect(results.count == test.store.taskRanges.count, "every task runs again, the one done before too")
    }

    @Test("a task that fails is rolled back and run again; a plan under other rules runs every task again")
    func failedTaskAndNewRules() throws {
        let test = try TestStore(partitions: 16)
        try test.initialize(["1": "1.00", "2": "2.00"])
        #expect(try test.store.planClose(Self.plan(rules: "a")) != nil)
        struct Died: Error {}
        #expect(throws: Died.self) { try test.store.runCloseTask(wait: false) { _, _ in throw Died() } }
        var runs = 0
        while try test.store.runCloseTask(wait: false, { _, _ in runs += 1; return "a" }) {}
        #expect(runs == PostgresStore.closeTasks, "the failed task was run again")

        let replanned = try test.store.planClose(Self.plan(rules: "b"))
        #expect(replanned?.rules == "b")
        var results: [String] = []
        while try test.store.runCloseTask(wait: false, { plan, _ in results.append(plan.rules); return plan.rules }) {}
        #expect(results == Array(repeating: "b", count: PostgresStore.closeTasks))
        _ = try test.store.finishClose(id: 0) { _, results in
            #expect(Set(results) == ["b"])
            return Self.close(try #require(replanned))
        }
        #expect(try test.store.cycles().map(\.id) == [0])
    }

    @Test("each source's capture lock is held by one process; the whole store's capture takes both")
    func captureLocks() throws {
        let test = try TestStore()
        let other = try PostgresStore.open(url: test.database.url)
        do {
            let whole = try test.store.lockCapture(holder: "parity run")
            #expect(try other.lockCapture(side: .legacy, holder: "worker") == nil)
            #expect(try other.lockCapture(side: .new, holder: "worker") == nil)
            withExtendedLifetime(whole) {}
        }
        var legacy = try other.lockCapture(side: .legacy, holder: "worker")
        #expect(legacy != nil)
        #expect(try test.store.lockCapture(side: .new, holder: "another worker") != nil, "the other source's capture is free")
        let refused = #expect(throws: StoreError.self) { try test.store.lockCapture(holder: "parity run") }
        #expect(refused?.code == .captureRunning)
        #expect(refused?.description.contains("parity legacy capture: worker") == true, "the holder is named")
        legacy = nil
        #expect(try test.store.lockCapture(side: .legacy, holder: "worker") != nil, "released with its lease")
    }
}

/// Closes that compare without folding, and the folds of their changes after them.
@Suite("PostgreSQL store: closed changes folded after the close")
struct ClosedFoldTests {
    static func transaction(_ end: UInt64, at time: Int64, _ changes: [CapturedChange]) -> CapturedTransaction {
        CapturedTransaction(xid: UInt32(end), commitLSN: end - 8, endLSN: end, commitTime: time, changes: changes)
    }

    static func change(_ operation: CapturedChange.Operation, _ id: String, amount: String? = nil) -> CapturedChange {
        CapturedChange(
            table: "public.orders", mapping: "orders", operation: operation, key: operation == .truncate ? [] : [id], oldKey: nil,
            values: amount.map { ["id": .value(id), "amount": .value($0)] } ?? [:])
    }

    /// A fold of closed changes run on a thread of its own: `result` is set once `done` signals.
    final class BackgroundFold: @unchecked Sendable {
        var result: Result<Int64, StoreError>?
        let done = DispatchSemaphore(value: 0)

        init(_ store: PostgresStore) {
            Thread { [self] in
                do throws(StoreError) { result = .success(try store.foldClosedChanges()) } catch { result = .failure(error) }
                done.signal()
            }.start()
        }
    }

    static func record(_ id: Int64) -> CycleClose {
        CycleClose(cycle: CycleRecord(id: id, label: "cycle \(id)", start: id * 10, end: id * 10 + 10, status: .closed, closedAt: id * 10 + 11,
                                      keysCompared: 0, unexplainedRate: "0"), tables: [], findings: [], carried: [])
    }

    @Test("a change committed before the closed cycles' end but captured after their fold is folded by the next pass; unfolded_since says when to look")
    func lateChangeFolded() throws {
        let test = try TestStore(partitions: 16)
        try test.initialize(["1": "1.00", "2": "2.00"])
        let connection = try test.database.connect()
        defer { connection.close() }
        let unfoldedSince = { () throws -> Int64? in
            try connection.query("SELECT unfolded_since FROM source_state WHERE side = 'legacy'").singleRow().decode(Int64?.self, "unfolded_since")
        }
        let pending = { () throws -> Int in try connection.query("SELECT count(*) AS n FROM pending_change").singleRow().decode(Int.self, "n") }
        let amount = { (id: String) throws -> String? in
            try test.store.closedImage(side: .legacy, mapping: "orders", rowKey: TestStore.key(id))?["amount"] ?? nil
        }
        #expect(try unfoldedSince() == nil, "nothing pending")
        try test.store.apply(Self.transaction(200, at: 11, [Self.change(.update, "1", amount: "1.10")]), side: .legacy)
        try test.store.apply(Self.transaction(300, at: 25, [Self.change(.update, "2", amount: "2.10")]), side: .legacy)
        #expect(try unfoldedSince() == 11, "lowered by the change it captured")
        try test.store.closeCycle(id: 1, foldBefore: 20) { _ in Self.record(1) }
        #expect(try test.store.foldClosedChanges() == 1)
        #expect(try unfoldedSince() == 25 && pending() == 1, "raised to the oldest change left, the open cycle's")
        #expect(try test.store.foldClosedChanges() == 0)

        // Committed at 15, before the closed cycle's end, and captured only now (a source that was far behind), streamed.
        try test.store.stage([StreamedStagingTests.update("1", "1.15", xid: 40)], xid: 40, side: .legacy, restart: true)
        #expect(try test.store.commitStreamed(StreamedCommitRecord(xid: 40, commitLSN: 392, endLSN: 400, commitTime: 15), side: .legacy) == 1)
        #expect(try unfoldedSince() == 15)
        #expect(try test.store.foldClosedChanges() == 1)
        #expect(try amount("1") == "1.15" && amount("2") == "2.00" && pending() == 1 && unfoldedSince() == 25)
    }

    @Test("a fold that waits for one side's capture to commit holds up no capture of the other side")
    func foldWaitsForOneSide() throws {
        final class Applied: @unchecked Sendable { var failure: StoreError? }
        let test = try TestStore(partitions: 16)
        try test.initialize(["1": "1.00"])
        try test.store.recordInitialized(SourceRecord(
            side: .new, slot: "parity_new", publications: ["parity_new"], systemIdentifier: "7300000000000000002", database: "modern",
            consistentPoint: 100, checkpointLSN: 100, watermark: 0, initializedAt: 1))
        try test.store.apply(Self.transaction(200, at: 11, [Self.change(.update, "1", amount: "1.10")]), side: .legacy)
        try test.store.closeCycle(id: 1, foldBefore: 20) { _ in Self.record(1) }

        // The new side's capture in the middle of a transaction: it holds its source_state row until it commits.
        let newCapture = try test.database.connect()
        defer { newCapture.close() }
        try newCapture.execute(unsafeScript: "BEGIN; SELECT 1 FROM source_state WHERE side = 'new' FOR UPDATE")
        let fold = BackgroundFold(test.store)
        let watch = try test.database.connect()
        defer { watch.close() }
        var waiting = false
        for _ in 0..<600 where !waiting {
            waiting = try watch.query("""
                SELECT count(*) AS n FROM pg_stat_activity
                WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%source_state%'
                """).singleRow().decode(Int.self, "n") == 1
            if !waiting { Thread.sleep(forTimeInterval: 0.1) }
        }
        #expect(waiting, "the fold waits for the new side's row")

        // The legacy capture applies a transaction meanwhile.
        let applied = DispatchSemaphore(value: 0)
        let outcome = Applied()
        Thread {
            do throws(StoreError) {
                try test.store.apply(Self.transaction(300, at: 25, [Self.change(.update, "1", amount: "1.20")]), side: .legacy)
            } catch {
                outcome.failure = error
            }
            applied.signal()
        }.start()
        #expect(applied.wait(timeout: .now() + 30) == .success, "the legacy capture was held up by the fold")
        if let error = outcome.failure { Issue.record("the legacy capture failed: \(error)") }
        try newCapture.execute(unsafeScript: "COMMIT")
        #expect(fold.done.wait(timeout: .now() + 60) == .success)
        guard case .success(let count)? = fold.result else {
            Issue.record("the fold failed: \(String(describing: fold.result))")
            return
        }
        #expect(count == 1)
    }

    @Test("a fold of closed changes and a close that folds first (a truncate) at once: each waits for the other, both succeed")
    func foldBesideClosingTruncate() throws {
        let test = try TestStore(partitions: 64)
        let ids = (0..<20_000).map(String.init)
        try test.initialize(Dictionary(uniqueKeysWithValues: ids.map { ($0, "1.00") }))
        try test.store.apply(Self.transaction(200, at: 11, ids.map { Self.change(.update, $0, amount: "2.00") }), side: .legacy)
        try test.store.closeCycle(id: 1, foldBefore: 20) { _ in Self.record(1) }
        try test.store.apply(Self.transaction(300, at: 21, [Self.change(.truncate, "")]), side: .legacy)
        try test.store.apply(Self.transaction(400, at: 22, [Self.change(.insert, "5", amount: "5.00")]), side: .legacy)

        let fold = BackgroundFold(test.store)
        var changed: [String] = []
        try test.store.closeCycle(id: 2, foldBefore: 30) { reader in
            let rows = try reader.rows(side: .legacy, mapping: "orders", changedOnly: true)
            while let row = try rows.next() { changed.append(row.key) }
            #expect(try reader.keys(side: .legacy, mapping: "orders") == [TestStore.key("5")])
            return Self.record(2)
        }
        #expect(fold.done.wait(timeout: .now() + 120) == .success)
        if case .failure(let error) = fold.result { Issue.record("the fold failed: \(error)") }
        #expect(changed.count == ids.count, "every key the truncate deleted changed in cycle 2, \"5\" among them")
        _ = try test.store.foldClosedChanges()
        #expect(try test.store.withClosedState { try $0.keys(side: .legacy, mapping: "orders") } == [TestStore.key("5")])
        let connection = try test.database.connect()
        defer { connection.close() }
        #expect(try connection.query("SELECT count(*) AS n FROM pending_change").singleRow().decode(Int.self, "n") == 0)
        #expect(try connection.query("SELECT count(*) AS n FROM row_state").singleRow().decode(Int.self, "n") == 1, "tombstones gone")
    }
}
