import Foundation
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
        #expect(close.output.contains("not due until") || close.output.contains("waits for"))
        let again = try ParityBinary.run(["close", "--config", scenario.configPath])
        #expect(again.status == 0 && again.output.contains("no cycle closed"))
        let text = try ParityBinary.run(["report", "eod", "--config", scenario.configPath])
        #expect(text.status == 0 && text.output.contains(#"orders {id=1} value_mismatch status: legacy "O" new "V""#))
        let json = try ParityBinary.run(["report", "eod", "--cycle", "0", "--limit", "0", "--format", "json", "--config", scenario.configPath])
        #expect(json.status == 0 && json.output.contains(#""schema" : "parity.eod/1""#))
        #expect(json.output.contains(#""findings_total" : 1"#) && json.output.contains(#""findings" : ["#))
    }
}
