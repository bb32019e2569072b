import Foundation
import ParityConfig
import ParityModel
import ParityTestSupport
import Testing

/// The README's workflow without the service: capture running, closes, reports, the gate and status from cron.
@Suite("Commands sharing one store")
struct SharedStoreStressTests {
    /// Small transactions on orders and lines, as an application writes them, all the time.
    static let smallWrites: MixedWorkload.Script = { random in
        let id = Int.random(in: 1...400, using: &random)
        return switch Int.random(in: 0..<4, using: &random) {
        case 0: "INSERT INTO orders VALUES (\(id), 'O', \(id).25, 'n\(id)', now()) ON CONFLICT (id) DO UPDATE SET amount = orders.amount + 1"
        case 1: "DELETE FROM orders WHERE id = \(id)"
        case 2: "INSERT INTO lines VALUES (\(id), \(id % 7), 1, 0.125) ON CONFLICT DO NOTHING"
        default: "UPDATE lines SET qty = qty + 1 WHERE order_id = \(id)"
        }
    }

    @Test("capture under load while close, report, gate and status run in a loop: none fails, capture never exits, nothing lost")
    func commandsBesideCapture() throws {
        let iterations = Int(ProcessInfo.processInfo.environment["PARITY_STRESS_ITERATIONS"] ?? "") ?? 200
        let scenario = try CaptureScenario(extraYAML: "cycle: { period: 30s, settle: 0s, grace: 0s }")
        defer { scenario.stop() }
        let config = scenario.configPath
        let workload = MixedWorkload(script: Self.smallWrites)
        workload.start(scenario)
        defer { workload.stop() }
        let capture = try RunningProcess([ParityBinary.path, "capture", "--config", config])
        defer { capture.send(SIGKILL); _ = capture.wait() }

        var failures: [String] = []
        let commands: [(arguments: [String], accepted: Set<Int32>)] = [
            (["close"], [0]),
            (["report", "eod", "--format", "json"], [0]),
            (["gate", "--format", "json"], [0, 1, 2]),  // fail or cannot evaluate are verdicts here, not failures
            // degraded (lag over max_lag while a loaded machine runs the loop) is a verdict too; unreachable (3) is a failure
            (["status", "--format", "json"], [0, 1]),
        ]
        for iteration in 0..<iterations where failures.count < 5 {
            for command in commands {
                let run = try ParityBinary.run(command.arguments + ["--config", config])
                if !command.accepted.contains(run.status) || run.output.contains("locked") {
                    failures.append("iteration \(iteration) \(command.arguments.joined(separator: " ")): exit \(run.status) \(run.output.prefix(300))")
                }
            }
            #expect(kill(capture.pid, 0) == 0, "capture exited: \(capture.output)")
        }
        #expect(failures.isEmpty, "\(failures)")
        workload.stop()
        capture.send(SIGTERM)
        #expect(capture.wait() == 0, "\(capture.output)")
        let final = try ParityBinary.run(["capture", "--config", config, "--until-caught-up", "--timeout", "5m"])
        #expect(final.status == 0, "\(final.output)")
        for side in SourceSide.allCases {
            #expect(try scenario.mismatches(side, mapping: "orders", table: "orders", key: ["id"]) == [])
            #expect(try scenario.mismatches(side, mapping: "lines", table: "lines", key: ["order_id", "line_no"]) == [])
        }
    }
}
