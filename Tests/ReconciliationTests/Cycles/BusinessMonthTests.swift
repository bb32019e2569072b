import Foundation
import ParityConfig
import Testing
import Reconciliation

/// Which business day an instant falls in, and which business month is complete by then: the gate's aggregates criterion
/// judges that month, so these decide what a flow aggregate's month means on any calendar day.
@Suite struct BusinessMonthTests {
    private func calendar(period: Duration = .seconds(86_400), cutoff: String = "00:00", timezone: String = "America/Vancouver") -> CycleCalendar {
        CycleCalendar(CycleConfiguration(period: period, cutoff: TimeOfDay(parsing: cutoff)!, timezone: timezone))!
    }

    @Test("a daily cycle ending at the first cutoff of a month completes the month before it")
    func lastDayOfMonthCompletesIt() {
        let daily = calendar()
        let november30 = daily.window(containing: utc("2026-11-30T20:00:00Z"))
        #expect(november30.label == "2026-11-30")
        #expect(daily.lastCompleteMonth(at: november30.end) == "2026-11")
        #expect(daily.lastCompleteMonth(at: november30.start) == "2026-10")
        let december1 = daily.window(after: november30)
        #expect(daily.lastCompleteMonth(at: december1.end) == "2026-11")
    }

    @Test("January completes December of the year before; 29 February is a business day of February")
    func yearAndLeapDay() {
        let daily = calendar()
        #expect(daily.lastCompleteMonth(at: utc("2027-01-01T08:00:00Z")) == "2026-12")
        #expect(daily.lastCompleteMonth(at: utc("2027-01-01T07:59:59Z")) == "2026-11")
        #expect(daily.businessDay(containing: utc("2028-02-29T12:00:00Z")) == "2028-02-29")
        #expect(daily.lastCompleteMonth(at: daily.window(containing: utc("2028-02-29T12:00:00Z")).end) == "2028-02")
    }

    @Test("the cutoff and the zone decide the business day, for short periods too")
    func cutoffAndZone() {
        let evening = calendar(cutoff: "18:00", timezone: "UTC")
        #expect(evening.businessDay(containing: utc("2026-12-01T17:59:59Z")) == "2026-11-30")
        #expect(evening.businessDay(containing: utc("2026-12-01T18:00:00Z")) == "2026-12-01")
        let short = calendar(period: .seconds(6))
        #expect(short.businessDay(containing: utc("2026-12-01T07:59:59Z")) == "2026-11-30")
        #expect(short.businessDay(containing: utc("2026-12-01T08:00:00Z")) == "2026-12-01")
        #expect(short.lastCompleteMonth(at: utc("2026-12-01T08:00:06Z")) == "2026-11")
    }
}
