import Foundation
import ParityConfig

/// Cuts time into reconciliation cycles as configured by `cycle:` (period, cutoff, time zone).
///
/// Whole-day periods start at the cutoff's local time on successive calendar days, so a 23- or 25-hour
/// day is one cycle; multi-day periods are aligned to local days counted from 1970-01-01. Shorter
/// periods are fixed-length windows aligned to the Unix epoch plus the cutoff's time of day.
public struct CycleCalendar: Sendable {
    private enum Cut: Sendable {
        case days(Int)
        case seconds(Int64)
    }

    private static let secondsPerDay: Int64 = 86_400
    private let cut: Cut
    private let clock: ZoneClock
    private let cutoffSeconds: Int64
    /// How long past a cycle's end both sources must be complete before it closes.
    public let settle: Duration

    /// Creates the calendar; nil when the time zone is unknown or the period is not a positive whole number of seconds.
    public init?(_ configuration: CycleConfiguration) {
        let (seconds, attoseconds) = configuration.period.components
        guard seconds > 0, attoseconds == 0, let clock = ZoneClock(identifier: configuration.timezone) else { return nil }
        cut = seconds % Self.secondsPerDay == 0 ? .days(Int(seconds / Self.secondsPerDay)) : .seconds(seconds)
        self.clock = clock
        cutoffSeconds = Int64(configuration.cutoff.hour * 3600 + configuration.cutoff.minute * 60)
        settle = configuration.settle
    }

    /// The cycle that contains `instant`.
    public func window(containing instant: Date) -> CycleWindow {
        let second = Int64(instant.timeIntervalSince1970.rounded(.down))
        switch cut {
        case .seconds(let period):
            let start = cutoffSeconds + Self.floorDiv(second - cutoffSeconds, period) * period
            return CycleWindow(start: Self.date(start), end: Self.date(start + period), label: Self.isoUTC(start))
        case .days(let count):
            let businessDay = businessDay(of: second)
            let alignedDay = businessDay - ((businessDay % count) + count) % count
            let label = CivilDate(daysSinceEpoch: alignedDay).isoString + (count == 1 ? "" : "/\(count)d")
            return CycleWindow(
                start: Self.date(cutoff(onDay: alignedDay)),
                end: Self.date(cutoff(onDay: alignedDay + count)),
                label: label
            )
        }
    }

    /// The cycle that follows `window`.
    public func window(after window: CycleWindow) -> CycleWindow {
        self.window(containing: window.end)
    }

    /// Every cycle from the one containing `from` through the one containing `through`, in order.
    public func windows(from: Date, through: Date) -> [CycleWindow] {
        var result: [CycleWindow] = []
        var current = window(containing: from)
        while current.start <= through {
            result.append(current)
            current = window(after: current)
        }
        return result
    }

    /// The business day (`YYYY-MM-DD`) that contains `instant`: the local day whose cutoff in the configured zone
    /// starts it, whatever the period. A flow aggregate's dates are business days in this sense.
    public func businessDay(containing instant: Date) -> String {
        CivilDate(daysSinceEpoch: businessDay(of: Int64(instant.timeIntervalSince1970.rounded(.down)))).isoString
    }

    /// The last business month (`YYYY-MM`) whose every business day had ended by `instant`: the month before the one
    /// holding the business day that contains `instant`. A cycle ending at the first cutoff of December completes November.
    public func lastCompleteMonth(at instant: Date) -> String {
        let day = CivilDate(daysSinceEpoch: businessDay(of: Int64(instant.timeIntervalSince1970.rounded(.down))))
        return day.month == 1 ? "\(CivilDate.pad(day.year - 1, 4))-12" : "\(CivilDate.pad(day.year, 4))-\(CivilDate.pad(day.month - 1, 2))"
    }

    /// Days since 1970-01-01 of the business day that contains `second`.
    private func businessDay(of second: Int64) -> Int {
        let localDay = Int(Self.floorDiv(clock.local(at: second), Self.secondsPerDay))
        return second < cutoff(onDay: localDay) ? localDay - 1 : localDay
    }

    /// The instant of the cutoff on local day `day` (days since 1970-01-01).
    private func cutoff(onDay day: Int) -> Int64 {
        clock.instant(forLocal: Int64(day) * Self.secondsPerDay + cutoffSeconds)
    }

    private static func floorDiv(_ value: Int64, _ divisor: Int64) -> Int64 {
        let quotient = value / divisor
        return value % divisor < 0 ? quotient - 1 : quotient
    }

    private static func date(_ second: Int64) -> Date {
        Date(timeIntervalSince1970: TimeInterval(second))
    }

    /// `YYYY-MM-DDTHH:MM:SSZ` for a second since 1970.
    private static func isoUTC(_ second: Int64) -> String {
        let day = floorDiv(second, secondsPerDay)
        let time = Int(second - day * secondsPerDay)
        let date = CivilDate(daysSinceEpoch: Int(day)).isoString
        return "\(date)T\(CivilDate.pad(time / 3600, 2)):\(CivilDate.pad(time / 60 % 60, 2)):\(CivilDate.pad(time % 60, 2))Z"
    }
}
