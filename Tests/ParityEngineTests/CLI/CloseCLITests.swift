import Foundation
import ParityConfig
import ParityEngine
import ParityTestSupport
import Reconciliation
import Testing

@Suite("parity close and parity report eod on the command line")
struct CloseCLITests {
    @Test("close prints the baseline it closed and what the next cycle waits for; report eod prints text and parity.eod/1")
    func closeAndReport() throws {
        let scenario = try CaptureScenario(newSetup: "UPDATE orders SET status = 'V' WHERE id = 1")
        defer { scenario.stop() }
        let empty = try ParityBinary.run(["report", "eod", "--config", scenario.configPath])
        #expect(empty.status == 2)
        #expect(empty.output.contains("parity close"))
        let close = try ParityBinary.run(["close", "--config", scenario.configPath])
        #expect(close.status == 0)
        #expect(close.output.contains("closed cycle 0 baseline: 4 keys compared, 1 findings, unexplained rate 0.250000"))
        // Init's own business day has not ended (a 1-day period), so the clock, not a source, holds the next cycle.
        #expect(close.output.contains("is not due until") && !close.output.contains("waits for"), "\(close.output)")
        let again = try ParityBinary.run(["close", "--config", scenario.configPath])
        #expect(again.status == 0 && again.output.contains("no cycle closed"))
        let text = try ParityBinary.run(["report", "eod", "--config", scenario.configPath])
        #expect(text.status == 0 && text.output.contains(#"orders {id=1} value_mismatch status: legacy "O" new "V""#))
        let json = try ParityBinary.run(["report", "eod", "--cycle", "0", "--limit", "0", "--format", "json", "--config", scenario.configPath])
        #expect(json.status == 0 && json.output.contains(#""schema" : "parity.eod/1""#))
        #expect(json.output.contains(#""findings_total" : 1"#) && json.output.contains(#""findings" : ["#))
    }

    @Test("close --force closes the window the clock is in, and never one that has not begun")
    func forceStopsAtNow() throws {
        // Init and both closes must see the same day: wait out a day boundary less than two minutes away (bounded).
        let today = try #require(CycleCalendar(CycleConfiguration(period: .seconds(86_400), timezone: "UTC"))).window(containing: Date())
        if today.end.timeIntervalSinceNow < 120 { Thread.sleep(until: today.end.addingTimeInterval(1)) }
        let scenario = try CaptureScenario(extraYAML: "cycle: { period: 1d, timezone: UTC, settle: 0s }")
        defer { scenario.stop() }
        let first = try ParityBinary.run(["close", "--force", "--config", scenario.configPath])
        #expect(first.status == 0 && first.output.contains("(forced)"), "\(first.output)")
        let again = try ParityBinary.run(["close", "--force", "--config", scenario.configPath])
        #expect(again.status == 0 && again.output.contains("no cycle closed") && again.output.contains("is not due until"), "\(again.output)")
        #expect(try scenario.store.cycles().filter { $0.status == .forced }.count == 1)
    }

    @Test("report eod --date selects the cycle labelled with that day; an unknown or malformed day exits 2 with one clear line")
    func reportByDate() throws {
        let scenario = try CaptureScenario(
            extraYAML: "cycle: { period: 1d, timezone: UTC, settle: 0s }", newSetup: "UPDATE orders SET note = 'x, \"y\"' WHERE id = 1")
        defer { scenario.stop() }
        let window = try #require(CycleCalendar(scenario.configuration.cycle)).window(containing: Date())
        _ = try CycleCloser.close(scenario.configuration, store: scenario.store, force: true, now: window.end.addingTimeInterval(60))
        let day = try ParityBinary.run(["report", "eod", "--date", window.label, "--format", "csv", "--config", scenario.configPath])
        #expect(day.status == 0)
        #expect(day.output.hasPrefix("cycle,table,key,column,kind,legacy,new,disposition,attributed_to,explanation\r\n"))
        let bom = try ParityBinary.run(["report", "eod", "--date", window.label, "--format", "csv", "--bom", "--config", scenario.configPath])
        #expect(bom.status == 0 && bom.output.hasPrefix("\u{FEFF}cycle,table,key"), "\(bom.output.prefix(40))")
        let html = try ParityBinary.run(["report", "eod", "--cycle", "0", "--format", "html", "--config", scenario.configPath])
        #expect(html.status == 0 && html.output.contains("cycle 0 baseline") && html.output.contains("x, &quot;y&quot;"))
        let baseline = try ParityBinary.run(["report", "eod", "--cycle", "0", "--format", "csv", "--config", scenario.configPath])
        #expect(baseline.output.contains("0,orders,id=1,note,value_mismatch,baseline,\"x, \"\"y\"\"\",,,\r\n"))
        let none = try ParityBinary.run(["report", "eod", "--date", "1999-01-01", "--config", scenario.configPath])
        #expect(none.status == 2 && none.output.contains("no closed cycle is labelled 1999-01-01"))
        let malformed = try ParityBinary.run(["report", "eod", "--date", "20-11-2026", "--config", scenario.configPath])
        #expect(malformed.status == 2 && malformed.output.contains("YYYY-MM-DD"))
    }
}
