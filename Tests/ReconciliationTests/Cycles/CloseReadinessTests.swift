import Foundation
import ParityConfig
import Testing
@testable import Reconciliation

@Suite struct CloseReadinessTests {
    private let calendar = CycleCalendar(CycleConfiguration(timezone: "UTC", settle: .seconds(300)))!
    private var window: CycleWindow { calendar.window(containing: utc("2026-11-20T12:00:00Z")) }
    private let due = utc("2026-11-21T00:05:00Z")

    @Test func readyWhenEveryWatermarkReachesEndPlusSettle() {
        let readiness = calendar.readiness(of: window, watermarks: [.legacy: due, .new: utc("2026-11-21T01:00:00Z")], now: due)
        #expect(readiness == .ready)
    }

    @Test func waitsForTheSourcesBehind() {
        let behind = utc("2026-11-21T00:04:59Z")
        #expect(calendar.readiness(of: window, watermarks: [.legacy: due, .new: behind], now: due) == .waiting(sources: [.new]))
        #expect(calendar.readiness(of: window, watermarks: [.legacy: nil], now: due) == .waiting(sources: [.legacy, .new]))
    }

    @Test func notDueBeforeEndPlusSettle() {
        let readiness = calendar.readiness(of: window, watermarks: [.legacy: due, .new: due], now: utc("2026-11-21T00:04:00Z"))
        #expect(readiness == .notDue(until: due))
    }
}
