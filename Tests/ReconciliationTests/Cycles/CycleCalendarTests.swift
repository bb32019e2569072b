import Foundation
import ParityConfig
import Testing
@testable import Reconciliation

@Suite struct CycleCalendarTests {
    private func calendar(
        period: Duration = .seconds(86_400), cutoff: String = "00:00", timezone: String = "America/Vancouver"
    ) -> CycleCalendar {
        CycleCalendar(CycleConfiguration(period: period, cutoff: TimeOfDay(parsing: cutoff)!, timezone: timezone))!
    }

    @Test func springForwardDayIsOneWindowOf23Hours() {
        let window = calendar().window(containing: utc("2026-03-08T12:00:00Z"))
        #expect(window == CycleWindow(start: utc("2026-03-08T08:00:00Z"), end: utc("2026-03-09T07:00:00Z"), label: "2026-03-08"))
        #expect(window.end.timeIntervalSince(window.start) == 23 * 3600)
    }

    @Test func fallBackDayIsOneWindowOf25Hours() {
        let window = calendar().window(containing: utc("2026-11-01T12:00:00Z"))
        #expect(window == CycleWindow(start: utc("2026-11-01T07:00:00Z"), end: utc("2026-11-02T08:00:00Z"), label: "2026-11-01"))
        #expect(window.end.timeIntervalSince(window.start) == 25 * 3600)
    }

    @Test func cutoffInsideTheSpringForwardGapStartsAtTheFirstValidInstant() {
        let calendar = calendar(cutoff: "02:30")
        let window = calendar.window(containing: utc("2026-03-08T12:00:00Z"))
        #expect(window == CycleWindow(start: utc("2026-03-08T10:00:00Z"), end: utc("2026-03-09T09:30:00Z"), label: "2026-03-08"))
        let before = calendar.window(containing: utc("2026-03-08T09:59:59Z"))
        #expect(before == CycleWindow(start: utc("2026-03-07T10:30:00Z"), end: utc("2026-03-08T10:00:00Z"), label: "2026-03-07"))
    }

    @Test func ambiguousCutoffOnTheFallBackDayIsItsFirstOccurrence() {
        let calendar = calendar(cutoff: "01:30")
        let window = calendar.window(containing: utc("2026-11-01T09:15:00Z"))
        #expect(window == CycleWindow(start: utc("2026-11-01T08:30:00Z"), end: utc("2026-11-02T09:30:00Z"), label: "2026-11-01"))
        #expect(calendar.window(containing: utc("2026-11-01T08:29:59Z")).end == window.start)
    }

    @Test func boundariesAreHalfOpen() {
        let calendar = calendar()
        let window = calendar.window(containing: utc("2026-11-20T08:00:00Z"))
        #expect(window.start == utc("2026-11-20T08:00:00Z"))
        #expect(window.label == "2026-11-20")
        #expect(calendar.window(containing: utc("2026-11-21T07:59:59Z")) == window)
        #expect(calendar.window(containing: utc("2026-11-21T08:00:00Z")).label == "2026-11-21")
        #expect(calendar.window(containing: Date(timeIntervalSince1970: window.end.timeIntervalSince1970 - 0.25)) == window)
        #expect(window.contains(window.start) && !window.contains(window.end))
    }

    @Test func cutoffLaterInTheDayAssignsEarlierHoursToThePreviousDay() {
        let calendar = calendar(cutoff: "18:00", timezone: "UTC")
        #expect(calendar.window(containing: utc("2026-11-21T17:59:59Z")).label == "2026-11-20")
        #expect(calendar.window(containing: utc("2026-11-21T18:00:00Z")).label == "2026-11-21")
    }

    @Test func multiDayPeriodsAreAlignedToLocalDaysSince1970() {
        let window = calendar(period: .seconds(7 * 86_400), timezone: "UTC").window(containing: utc("2026-11-21T10:00:00Z"))
        #expect(window == CycleWindow(start: utc("2026-11-19T00:00:00Z"), end: utc("2026-11-26T00:00:00Z"), label: "2026-11-19/7d"))
    }

    @Test func subDayPeriodsAreFixedLengthAndLabelledInUTC() {
        let window = calendar(period: .seconds(5)).window(containing: utc("2026-11-21T10:00:07Z"))
        #expect(window == CycleWindow(start: utc("2026-11-21T10:00:05Z"), end: utc("2026-11-21T10:00:10Z"), label: "2026-11-21T10:00:05Z"))
        let oneSecond = calendar(period: .seconds(1)).window(containing: utc("2026-11-21T10:00:07Z"))
        #expect(oneSecond.label == "2026-11-21T10:00:07Z")
    }

    @Test func subDayPeriodsAreAlignedToTheEpochPlusTheCutoff() {
        let window = calendar(period: .seconds(90), cutoff: "00:01").window(containing: utc("2026-11-21T10:00:07Z"))
        #expect(window.start == utc("2026-11-21T09:59:30Z"))
        #expect(window.end == utc("2026-11-21T10:01:00Z"))
    }

    @Test func windowsRunInOrderAcrossATransition() {
        let calendar = calendar()
        let windows = calendar.windows(from: utc("2026-10-31T12:00:00Z"), through: utc("2026-11-02T08:00:00Z"))
        #expect(windows.map(\.label) == ["2026-10-31", "2026-11-01", "2026-11-02"])
        #expect(zip(windows, windows.dropFirst()).allSatisfy { $0.end == $1.start })
        #expect(calendar.window(after: windows[0]) == windows[1])
    }

    @Test func unknownZoneOrFractionalPeriodIsRejected() {
        #expect(CycleCalendar(CycleConfiguration(timezone: "Mars/Olympus")) == nil)
        #expect(CycleCalendar(CycleConfiguration(period: .milliseconds(1500))) == nil)
        #expect(CycleCalendar(CycleConfiguration(period: .zero)) == nil)
    }
}
