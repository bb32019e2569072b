import Foundation
import ParityConfig
@testable import ParityEngine
import ParityStore
import Reconciliation
import Testing

/// Paces cycle tests against a short cycle calendar on the real clock.
enum CycleClock {
    /// Sleeps until the clock is `offset` seconds into a window (the given one, or the next that allows it), and returns it.
    static func waitForWindow(_ calendar: CycleCalendar, offset: ClosedRange<TimeInterval>, window: CycleWindow? = nil) throws -> CycleWindow {
        var target = window ?? calendar.window(containing: Date())
        if window == nil, Date().timeIntervalSince(target.start) > offset.lowerBound { target = calendar.window(after: target) }
        let at = target.start.addingTimeInterval(offset.lowerBound)
        if at > Date() { Thread.sleep(until: at) }
        let into = Date().timeIntervalSince(target.start)
        try #require(offset.contains(into), "the test fell behind the cycle clock (\(into)s into the window)")
        return target
    }

    /// Keeps both sources committing (`tick`, so their watermarks advance) and closes until `window` is closed.
    static func closeThrough(
        _ window: CycleWindow, configuration: ParityConfiguration, store: any Store, session: CaptureSession, tick: () throws -> Void
    ) throws {
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            try tick()
            try session.waitUntilCaughtUp(configuration: configuration, timeout: .seconds(30))
            _ = try CycleCloser.close(configuration, store: store)
            if try store.cycles().contains(where: { $0.label == window.label }) { return }
            Thread.sleep(forTimeInterval: 0.3)
        }
        Issue.record("cycle \(window.label) did not close within 60s")
    }
}
