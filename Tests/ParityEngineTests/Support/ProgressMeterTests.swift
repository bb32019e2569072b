import Foundation
import ParityConfig
@testable import ParityEngine
import SourceQueries
import Testing

@Suite("Copy progress for people")
struct ProgressMeterTests {
    let start = Date(timeIntervalSince1970: 1_000_000)

    func report(_ rows: Int, of estimate: Int? = 1_000_000, done: Bool = false, subject: String = "legacy orders") -> WorkProgress {
        WorkProgress(subject: subject, unit: "rows", count: rows, estimated: estimate, done: done)
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

    @Test("on a terminal, subjects going at once share one line, in the order they started; one that ends is printed above it")
    func subjectsAtOnce() {
        var meter = ProgressMeter(everyReport: true)
        #expect(meter.terminalView(for: report(0), at: start).going == "legacy orders: 0 of ~1,000,000 rows (0%)")
        _ = meter.terminalView(for: report(0, of: 800_000, subject: "new orders"), at: start + 1)
        #expect(meter.terminalView(for: report(250_000), at: start + 5)
            == TerminalProgressView(ended: nil, going: "legacy orders 25% · new orders 0%, about 15 s left"))
        // The new side's copy started a second later: 200,000 rows in 4 s, 600,000 left at that rate is 12 s; the legacy
        // side's is 15 s, the longer. A subject's rate is its latest report's, however long ago that came.
        #expect(meter.terminalView(for: report(200_000, of: 800_000, subject: "new orders"), at: start + 5)
            == TerminalProgressView(ended: nil, going: "legacy orders 25% · new orders 25%, about 15 s left"))
        _ = meter.terminalView(for: report(10, of: nil, subject: "legacy items"), at: start + 5)
        #expect(meter.terminalView(for: report(1_000_000, done: true), at: start + 10) == TerminalProgressView(
            ended: "legacy orders: 1,000,000 rows in 10 s (100,000 rows/s)", going: "new orders 25% · legacy items 10 rows, about 12 s left"))
        _ = meter.terminalView(for: report(20, of: nil, done: true, subject: "legacy items"), at: start + 11)
        #expect(meter.terminalView(for: report(400_000, of: 800_000, subject: "new orders"), at: start + 11).going
            == "new orders: 400,000 of ~800,000 rows (50%), 40,000 rows/s, about 10 s left")
        #expect(meter.terminalView(for: report(800_000, of: 800_000, done: true, subject: "new orders"), at: start + 21)
            == TerminalProgressView(ended: "new orders: 800,000 rows in 20 s (40,000 rows/s)", going: nil))
    }

    @Test("durations for people")
    func durations() {
        #expect(ProgressMeter.duration(0.4) == "0 s")
        #expect(ProgressMeter.duration(59.6) == "1 min 0 s")
        #expect(ProgressMeter.duration(3_725) == "1 h 2 min")
        #expect(ProgressMeter.count(-1_234) == "-1,234")
    }
}
