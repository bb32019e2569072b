import Foundation
import ParityConfig
import ParityModel
import ParityStore
import Reconciliation

/// The cycles of a month for the monthly report: each calendar window labelled in the month from the first
/// cycle after the baseline until now, closed or forced as recorded, missing when not closed; then each cycle of
/// `reconciling` labelled outside the month (it reconciled rows dated in the month), as recorded.
enum MonthlyCycles {
    /// At most this many windows are walked (sub-day periods over a month are many).
    static let limit = 5_000

    static func days(
        _ configuration: ParityConfiguration, store: any Store, month: String, closed: [CycleRecord], reconciling: [CycleRecord],
        now: Date
    ) throws -> [MonthlyReport.CycleDay] {
        guard let calendar = CycleCalendar(configuration.cycle), let first = closed.first(where: { $0.id > 0 }) else { return [] }
        let outside = reconciling.filter { !$0.label.hasPrefix(month) }.map { MonthlyReport.CycleDay(label: $0.label, status: status($0)) }
        let byLabel = Dictionary(closed.map { ($0.label, $0) }, uniquingKeysWith: { first, _ in first })
        let monthStart = ISO8601DateFormatter().date(from: month + "-01T00:00:00Z")?.addingTimeInterval(-86_400) ?? now
        var window = calendar.window(containing: max(StoreTime.date(first.start), monthStart))
        var days: [MonthlyReport.CycleDay] = []
        var walked = 0
        while window.end <= now, walked < limit {
            walked += 1
            if window.label.hasPrefix(month) {
                days.append(MonthlyReport.CycleDay(label: window.label, status: byLabel[window.label].map(status) ?? .missing))
            } else if window.label > month {
                break
            }
            window = calendar.window(after: window)
        }
        return days + outside
    }

    private static func status(_ cycle: CycleRecord) -> MonthlyReport.CycleDay.Status {
        switch cycle.status {
        case .closed: .closed
        case .forced: .forced
        }
    }
}
