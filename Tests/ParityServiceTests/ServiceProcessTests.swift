import Foundation
import LogicalReplication
import ParityConfig
import ParityModel
import ParityTestSupport
import Testing

@Suite("parity run as a process: JSON logs, SIGTERM, resume")
struct ServiceProcessTests {
    @Test("SIGTERM (then SIGINT) exits 0 with durable positions confirmed; a restart resumes from the confirmed position and loses nothing")
    func sigtermAndResume() async throws {
        let scenario = try ServiceScenario()
        defer { scenario.stop() }
        var before: [SourceSide: UInt64] = [:]
        for round in 0..<2 {
            let service = try ParityBinary.startService(config: scenario.configPath)
            let ready = await eventually(within: 60) {
                guard let port = service.listeningPort else { return false }
                return await LoopbackHTTP.get(port: port, "/readyz")?.status == 200
            }
            guard ready else {
                _ = service.exitStatus(within: 0)
                Issue.record("parity run did not become ready: \(service.output)")
                return
            }
            if let resumeAt = before[.legacy] {
                // Statuses are polled, so a quick connect may be logged as streaming only: the first legacy line counts.
                let first = service.output.split(separator: "\n").first { $0.contains(#""parity.slot":"parity_legacy""#) }
                #expect(first?.contains(#""parity.lsn":"\#(LSN(resumeAt))""#) == true,
                        "the restart did not start from the confirmed position: \(service.output)")
            }
            for id in 0..<50 { #expect(scenario.shadowWrite(id: 1000 * (round + 1) + id)) }
            let caughtUp = try await eventually(within: 30) {
                try SourceSide.allCases.allSatisfy { try scenario.storedKeys($0) == scenario.sourceKeys($0) }
            }
            #expect(caughtUp, "capture did not apply every change: \(service.output)")
            service.send(round == 0 ? SIGTERM : SIGINT)
            #expect(service.exitStatus(within: 40) == 0, "\(service.output)")
            let lines = service.output.split(separator: "\n")
            #expect(lines.contains { $0.hasPrefix("{") && $0.contains(#""parity.source":"legacy""#) && $0.contains("capture stopped") })
            #expect(!service.output.contains("password"))
            #expect(try scenario.confirmedFlush(.legacy) == LSN(try scenario.checkpoint(.legacy)).description,
                    "the slot is not confirmed up to the durable position")
            for side in SourceSide.allCases {
                let checkpoint = try scenario.checkpoint(side)
                #expect(checkpoint >= before[side] ?? 0, "\(side)'s checkpoint went backwards")
                before[side] = checkpoint
            }
            #expect(try SourceSide.allCases.allSatisfy { try scenario.storedKeys($0) == scenario.sourceKeys($0) })
        }
        #expect(try scenario.storedKeys(.legacy).count == 102)
    }
}
