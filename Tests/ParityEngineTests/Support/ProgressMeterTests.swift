import Foundation
import ParityConfig
@testable import ParityEngine
import SourceQueries
import Testing

@Suite("Copy progress for people")
struct ProgressMeterTests {
    let start = Date(timeIntervalSince1970: 1_000_000)

    func report(_ rows: Int, of estimate: Int? = 1_000_000, done: Bool = false) -> WorkProgress {
        WorkProgress(subject: "legacy orders", unit: "rows", count: rows, estimated: estimate, done: done)
    }

    @Test("rows of the estimate, the rate and the time left; at the end the total and the rate")
    func terminalLines() {
        var meter = ProgressMeter(everyReport: true)
        _ = meter.line(for: report(0), at: start)
        #expect(meter.line(for: report(250_000), at: start + 5) == "legacy orders: 250,000 of ~1,000,000 rows (25%), 50,000 rows/s, about 15 s left")
        #expect(meter.line(for: report(1_000_000, done: true), at: start + 200)
            == "legacy orders: 1,000,000 rows in 3 min 20 s (5,000 rows/s)")
    }

    @Test("a table never analyzed has no estimate: rows and rate only; more rows than estimated never say over 100%")
    func withoutEstimate() {
        var meter = ProgressMeter(everyReport: true)
        _ = meter.line(for: report(0, of: nil), at: start)
        #expect(meter.line(for: report(10_000, of: nil), at: start + 2) == "legacy orders: 10,000 rows, 5,000 rows/s")
        #expect(meter.line(for: report(1_200_000), at: start + 4)?.hasPrefix("legacy orders: 1,200,000 of ~1,000,000 rows (100%)") == true)
    }

    @Test("in a log, one line per table at most every interval, and always the last")
    func logLines() {
        var meter = ProgressMeter(everyReport: false, interval: 10)
        #expect(meter.line(for: report(0), at: start) == nil)
        #expect(meter.line(for: report(10_000), at: start + 3) == nil)
        #expect(meter.line(for: report(40_000), at: start + 10) != nil)
        #expect(meter.line(for: report(50_000), at: start + 15) == nil)
        #expect(meter.line(for: report(90_000), at: start + 21) != nil)
        #expect(meter.line(for: report(95_000, done: true), at: start + 22) == "legacy orders: 95,000 rows in 22 s (4,318 rows/s)")
    }

    @Test("durations for people")
    func durations() {
        #expect(ProgressMeter.duration(0.4) == "0 s")
        #expect(ProgressMeter.duration(59.6) == "1 min 0 s")
        #expect(ProgressMeter.duration(3_725) == "1 h 2 min")
        #expect(ProgressMeter.count(-1_234) == "-1,234")
    }
}
