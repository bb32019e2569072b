import Foundation
import ParityConfig
import ParityModel
import ParityStore
import Reconciliation
import SourceQueries

/// The aggregates criterion's input: the monthly close of the last business month complete when the window's last cycle
/// ended (a cycle ending at December's first cutoff completes November). A flow aggregate's month is a business month of
/// its date column, so this is the latest month whose rows can all have been reconciled.
enum GateMonthReader {
    /// Nil when aggregates are configured but none has a group in that month (nothing to judge yet).
    static func lastCompleteMonth(
        _ configuration: ParityConfiguration, store: any Store, lastCycle: CycleRecord, now: Date
    ) throws(EngineError) -> GateInput.Month? {
        guard let calendar = CycleCalendar(configuration.cycle) else { return nil }
        let month = calendar.lastCompleteMonth(at: StoreTime.date(lastCycle.end))
        let report = try MonthlyLoader.load(configuration, store: store, month: month, now: now)
        if !report.aggregates.isEmpty, report.aggregates.allSatisfy({ $0.groups.isEmpty }) { return nil }
        return GateInput.Month(month: month, aggregates: report.aggregates.map { aggregate in
            let off = aggregate.groups.filter { !$0.withinTolerance }
            return GateInput.Aggregate(
                name: aggregate.name, groupsOutOfTolerance: off.count,
                firstExample: off.first.map { "\($0.groupText): legacy \($0.legacy) new \($0.new), unexplained \($0.unexplained)" })
        })
    }
}
