import Foundation
import ParityConfig
import ParityModel
import ParityStore
import Reconciliation
import SourceQueries

/// A cycle's close shared by the processes using a ``PartitionedCycleStore`` (`parity worker`, issue 26): the
/// coordinator plans it as tasks over ranges of key parts, any process runs tasks (``runTasks(_:store:)``), and
/// the coordinator records the cycle from their results (findings merged in key order, aggregate totals added up) with
/// what only the whole state gives: the mappings compared whole and their aggregates, total rounding and the
/// hidden-state audit.
public enum PartitionedClose {
    /// Closes `comparison`'s cycle as its coordinator: plans it (or takes up the plan of a coordinator that died),
    /// runs the tasks left, the free ones first, then waiting for those other processes hold, and records the cycle;
    /// nil when it was closed.
    static func close(_ comparison: CycleComparison, foldBefore end: Int64?, store: any Store & PartitionedCycleStore) throws -> CycleRecord? {
        guard let plan = try store.planClose(
            ClosePlan(cycle: comparison.record, foldBefore: end, rules: comparison.rules, scopeKeys: comparison.scopeKeys))
        else { return nil }
        comparison.record = plan.cycle
        comparison.window = window(of: plan)
        comparison.scopeKeys = plan.scopeKeys
        let run = { (plan: ClosePlan, reader: CycleStateReader) in
            try task(plan, reader: reader, configuration: comparison.configuration, store: store)
        }
        // The free tasks first, then those other processes hold: waiting for one, the coordinator takes it over if its
        // process died, and runs no task twice.
        while try store.runCloseTask(wait: false, run) {}
        while try store.runCloseTask(wait: true, run) {}
        return try store.finishClose(id: plan.cycle.id) { reader, results in
            try comparison.run(reader, parts: try results.map { try PartComparison(text: $0) })
        }
    }

    /// Runs the tasks of planned closes that no other process holds, until none is left; returns how many it ran.
    public static func runTasks(_ configuration: ParityConfiguration, store: any Store & PartitionedCycleStore) throws(EngineError) -> Int {
        var ran = 0
        try EngineError.storing(doing: "running close tasks", fix: "check the store (store.url) can be read and written") {
            while try store.runCloseTask(wait: false, { plan, reader in try task(plan, reader: reader, configuration: configuration, store: store) }) {
                ran += 1
            }
        }
        return ran
    }

    /// One task: the comparison of the mappings split by part over the task's parts, under the plan's rules.
    private static func task(
        _ plan: ClosePlan, reader: CycleStateReader, configuration: ParityConfiguration, store: any Store & PartitionedCycleStore
    ) throws -> String {
        let record = plan.cycle
        let book = try DecisionBook.load(configuration, store: store)
        let day = DecisionBook.day(configuration, at: StoreTime.date(record.start))
        let comparison = CycleComparison(
            record: record, window: window(of: plan), configuration: configuration, matcher: book.matcher(on: day),
            decisions: book.fingerprint(on: day), hiddenState: HiddenStateRun(configuration: configuration, inventory: nil, takenAt: 0),
            summaries: [:], scopeKeys: plan.scopeKeys)
        guard comparison.rules == plan.rules else {
            throw EngineError(
                .configuration, source: nil,
                message: "cycle \(record.label) is being closed under another config or other decisions than this process's",
                fix: "run every parity worker with the same config file; the close's coordinator takes the task meanwhile")
        }
        return try comparison.part(reader).text()
    }

    /// The window of a planned cycle; nil for the baseline.
    static func window(of plan: ClosePlan) -> CycleWindow? {
        plan.foldBefore.map { _ in
            CycleWindow(start: StoreTime.date(plan.cycle.start), end: StoreTime.date(plan.cycle.end), label: plan.cycle.label)
        }
    }
}
