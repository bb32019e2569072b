import Foundation
import ParityConfig
import ParityStore
import Reconciliation

/// The aggregates criterion's input: the monthly close of the last complete month before the window's last cycle.
enum GateMonthReader {
    /// Nil when aggregates are configured but none has a group in that month (nothing to judge yet).
    static func lastCompleteMonth(
        _ configuration: ParityConfiguration, store: ParityStore, lastCycle: CycleRecord, now: Date
    ) throws(EngineError) -> GateInput.Month? {
        guard let month = previousMonth(String(lastCycle.label.prefix(7))) else { return nil }
        let report = try MonthlyLoader.load(configuration, store: store, month: month, now: now)
        if !report.aggregates.isEmpty, report.aggregates.allSatisfy({ $0.groups.isEmpty }) { return nil }
        return GateInput.Month(month: month, aggregates: report.aggregates.map { aggregate in
            let off = aggregate.groups.filter { !$0.withinTolerance }
            return GateInput.Aggregate(
                name: aggregate.name, groupsOutOfTolerance: off.count,
                firstExample: off.first.map { "\($0.groupText): legacy \($0.legacy) new \($0.new), unexplained \($0.unexplained)" })
        })
    }

    /// `2026-10` for `2026-11`, `2025-12` for `2026-01`; nil for text that is not a month.
    static func previousMonth(_ month: String) -> String? {
        let parts = month.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 2, (1...12).contains(parts[1]) else { return nil }
        let (year, number) = parts[1] == 1 ? (parts[0] - 1, 12) : (parts[0], parts[1] - 1)
        return String(format: "%04d-%02d", year, number)
    }
}
