import ParityModel
import ParityStore
import Testing

/// A store whose closes may compare without folding (``PartitionedCycleStore``: the PostgreSQL store reads the state as
/// of a cycle's end from row state and the pending changes, and folds closed cycles' changes later) reads every close,
/// and the state after it, as the SQLite store does: whether the closed changes were folded in between or not, and
/// whether the close ran whole or by tasks over parts.
@Suite("Store contract: state read without folding")
struct DeferredFoldTests {
    /// How the PostgreSQL store closes in a run of the script.
    enum Variant: String, CaseIterable, CustomTestStringConvertible {
        case whole, wholeFoldingAfter, tasks, tasksFoldingAfter
        var testDescription: String { rawValue }
        var byTasks: Bool { self == .tasks || self == .tasksFoldingAfter }
        var folds: Bool { self == .wholeFoldingAfter || self == .tasksFoldingAfter }
    }

    /// An `orders` change on either side.
    static func change(_ operation: CapturedChange.Operation, _ id: String, from old: String? = nil, amount: String? = nil) -> CapturedChange {
        CapturedChange(
            table: "public.orders", mapping: "orders", operation: operation, key: operation == .truncate ? [] : [id], oldKey: old.map { [$0] },
            values: amount.map { ["id": .value(id), "amount": .value($0)] } ?? [:])
    }

    /// The script: each cycle's end and the transactions (side, commit time, changes) captured before it closes; some
    /// commit after the end (the next cycle's).
    static let script: [(end: Int64, transactions: [(SourceSide, Int64, [CapturedChange])])] = [
        (20, [
            (.legacy, 10, [change(.update, "1", amount: "1.10"), change(.delete, "2"), change(.insert, "7", amount: "7.00")]),
            (.legacy, 11, [change(.update, "8", from: "3", amount: "3.00")]),
            (.new, 12, [change(.update, "1", amount: "1.10")]),
            (.new, 25, [change(.delete, "4")]),
        ]),
        (30, [
            (.legacy, 21, [change(.update, "1", amount: "1.20"), change(.insert, "2", amount: "2.20")]),
            (.legacy, 22, [change(.delete, "7")]),
        ]),
        (40, [(.new, 31, [change(.insert, "9", amount: "9.00")])]),
        (50, [
            (.new, 41, [change(.update, "5", amount: "5.50")]),
            (.legacy, 42, [change(.truncate, "")]),
            (.legacy, 43, [change(.insert, "10", amount: "10.00")]),
        ]),
        (60, [(.legacy, 51, [change(.update, "10", amount: "10.10")]), (.new, 52, [change(.delete, "1")])]),
        (70, []),
    ]

    /// What one close read, and the state after it, as text.
    static func observe(_ reader: any CycleStateReader, _ observed: inout [String]) throws {
        for side in SourceSide.allCases {
            let changed = try reader.rows(side: side, mapping: "orders", changedOnly: true)
            while let row = try changed.next() {
                observed.append("\(side) changed \(row.key) \(try row.image?["amount"].flatMap { $0 } ?? "gone") \(row.events?.rawValue ?? -1) \(row.changedAt ?? -1)")
            }
            let rows = try reader.rows(side: side, mapping: "orders", changedOnly: false)
            while let row = try rows.next() { observed.append("\(side) row \(row.key) \(try row.image?["amount"].flatMap { $0 } ?? "?")") }
            for id in 1...10 {
                let image = try reader.image(side: side, mapping: "orders", rowKey: Fixtures.key(String(id)))
                observed.append("\(side) image \(id) \(image.map { $0["amount"].flatMap { $0 } ?? "?" } ?? "none")")
            }
            let keys = try reader.changedKeys(side: side, mapping: "orders")
            observed.append("\(side) changed keys \(keys.keys.sorted().map { "\($0)@\(keys[$0]!)" })")
        }
    }

    /// Runs the script on `store` and returns what every close read and what the store held after it.
    static func run(_ store: any Store, _ variant: Variant?) throws -> [String] {
        var observed: [String] = []
        for side in SourceSide.allCases {
            try Fixtures.initialize(store, side)
            try store.insertBaseline(
                side: side, mapping: "orders", rows: (1...6).map { (key: [String($0)], values: ["id": String($0), "amount": "\($0).00"]) }, lsn: 100)
        }
        var lsn: UInt64 = 200
        for (index, step) in script.enumerated() {
            for (side, time, changes) in step.transactions {
                try store.apply(Fixtures.transaction(lsn, at: time, changes), side: side)
                lsn += 100
            }
            let id = Int64(index + 1)
            let record = Fixtures.cycle(id)
            let close = CycleClose(cycle: record, tables: [], findings: [], carried: [])
            if let variant, variant.byTasks, let shared = store as? any PartitionedCycleStore {
                let plan = try shared.planClose(ClosePlan(cycle: record, foldBefore: step.end, rules: "r"))
                #expect(plan != nil)
                var tasks: [String] = []
                while try shared.runCloseTask(wait: false, { _, reader in
                    try observe(reader, &tasks)
                    return ""
                }) {}
                // Each task reads its parts: together, the whole close's reads, in another order.
                observed.append(contentsOf: tasks.filter { !$0.contains(" image ") && !$0.contains("changed keys") }.sorted())
                _ = try shared.finishClose(id: id) { reader, _ in
                    try observe(reader, &observed)
                    return close
                }
            } else {
                try store.closeCycle(id: id, foldBefore: step.end) { reader in
                    var whole: [String] = []
                    try observe(reader, &whole)
                    observed.append(contentsOf: whole.filter { !$0.contains(" image ") && !$0.contains("changed keys") }.sorted())
                    observed.append(contentsOf: whole)
                    return close
                }
            }
            if let variant, variant.folds, let shared = store as? any PartitionedCycleStore { _ = try shared.foldClosedChanges() }
            try store.withClosedState { reader in
                var closed: [String] = []
                try observe(reader, &closed)
                observed.append(contentsOf: closed.map { "after \(id): \($0)" })
            }
            for side in SourceSide.allCases {
                observed.append("after \(id): \(side) count \(try store.rowCount(side: side, mapping: "orders"))")
                observed.append("after \(id): \(side) image 1 \(try store.closedImage(side: side, mapping: "orders", rowKey: Fixtures.key("1"))?["amount"].flatMap { $0 } ?? "none")")
            }
        }
        return observed
    }

    @Test("every close and the state after it read as the SQLite store's, folded in between or not, whole or by tasks", arguments: Variant.allCases)
    func sameReads(_ variant: Variant) throws {
        let expected = try Self.run(try StoreFactory.sqlite.open().store, nil)
        let observed = try Self.run(try StoreFactory.postgres.open().store, variant)
        #expect(observed.count == expected.count)
        for (index, (line, wanted)) in zip(observed, expected).enumerated() where line != wanted {
            Issue.record("line \(index): \(line)\n   expected: \(wanted)")
            break
        }
        #expect(expected.contains { $0.contains("legacy changed \(Fixtures.key("8")) 3.00") }, "the script moved a key")
    }
}
