import Foundation
import ParityConfig
import ParityModel
import ParityTestSupport
import PostgresClient
import Testing

/// Writes random transactions to both sources until stopped: by default a mix of small and larger ones on orders and lines.
final class MixedWorkload: @unchecked Sendable {
    /// Makes one transaction's SQL from a random source.
    typealias Script = @Sendable (inout SystemRandomNumberGenerator) -> String

    private let lock = NSLock()
    private var stopped = false
    private var threads: [Thread] = []
    private(set) var transactions = 0
    private let script: Script

    init(script: @escaping Script = MixedWorkload.ordersAndLines) {
        self.script = script
    }

    /// Small and larger transactions on orders and lines: inserts, updates of TOASTed notes, deletes, multi-row statements.
    static let ordersAndLines: Script = { random in
        let id = Int.random(in: 1...400, using: &random)
        return switch Int.random(in: 0..<10, using: &random) {
        case 0...3: "INSERT INTO orders VALUES (\(id), 'O', \(id).25, 'n\(id)', now()) ON CONFLICT (id) DO UPDATE SET amount = orders.amount + 1"
        case 4...5: "UPDATE orders SET status = 'P', note = repeat('t', \(id * 40)) WHERE id = \(id)"
        case 6: "DELETE FROM orders WHERE id = \(id)"
        case 7: "INSERT INTO lines SELECT \(id), g, g, g * 0.125 FROM generate_series(1, 300) g ON CONFLICT DO NOTHING"
        case 8: "DELETE FROM lines WHERE order_id = \(id)"
        default: "UPDATE lines SET qty = qty + 1 WHERE order_id = \(id); UPDATE orders SET amount = amount - 1 WHERE id = \(id)"
        }
    }

    func start(_ scenario: CaptureScenario) {
        for side in SourceSide.allCases {
            let dsn = scenario.cluster(side).dsn(database: scenario.database(side))
            let thread = Thread { [self] in
                guard let connection = try? PostgresConnection.connect(ConnectionOptions(dsn: dsn)) else { return }
                var random = SystemRandomNumberGenerator()
                while !isStopped {
                    if (try? connection.execute(unsafeScript: script(&random))) != nil { increment() }
                }
                connection.close()
            }
            threads.append(thread)
            thread.start()
        }
    }

    func stop() {
        lock.withLock { stopped = true }
        while threads.contains(where: { !$0.isFinished }) { usleep(10_000) }
    }

    private var isStopped: Bool { lock.withLock { stopped } }
    private func increment() { lock.withLock { transactions += 1 } }
}

@Suite("Crash safety of parity capture")
struct KillTests {
    @Test("killed with SIGKILL at 20 random moments under load, capture loses and doubles nothing")
    func killNineTwentyTimes() throws {
        let killCount = Int(ProcessInfo.processInfo.environment["PARITY_KILLS"] ?? "") ?? 20
        let scenario = try CaptureScenario()
        defer { scenario.stop() }
        let workload = MixedWorkload()
        workload.start(scenario)
        var killed = 0
        for _ in 0..<killCount {
            let capture = try RunningProcess([ParityBinary.path, "capture", "--config", scenario.configPath])
            usleep(UInt32.random(in: 100_000...600_000))
            capture.send(SIGKILL)
            if capture.wait() == 128 + SIGKILL { killed += 1 }
        }
        workload.stop()
        #expect(killed >= killCount - 2, "capture exited on its own before most kills")
        #expect(workload.transactions > 100)

        let final = try ParityBinary.run(["capture", "--config", scenario.configPath, "--until-caught-up", "--timeout", "5m"])
        let status = try ParityBinary.run(["status", "--config", scenario.configPath]).output
        #expect(final.status == 0, "\(final.output)\n\(status)")
        for side in SourceSide.allCases {
            #expect(try scenario.mismatches(side, mapping: "orders", table: "orders", key: ["id"]) == [])
            #expect(try scenario.mismatches(side, mapping: "lines", table: "lines", key: ["order_id", "line_no"]) == [])
        }
    }

    @Test("SIGTERM stops capture cleanly with exit 0 and a restart resumes from the confirmed position; a second capture is refused meanwhile")
    func gracefulStop() throws {
        let scenario = try CaptureScenario()
        defer { scenario.stop() }
        let capture = try RunningProcess([ParityBinary.path, "capture", "--config", scenario.configPath])
        try scenario.legacy.run("INSERT INTO orders SELECT g, 'O', g, NULL, NULL FROM generate_series(1000, 1999) g", database: "legacy")
        usleep(1_500_000)
        // One capture per store: a second one (or a service) is refused, naming the holder.
        let lockFile = scenario.configuration.store.path + ".capture.lock"
        for _ in 0..<100 where (try? String(contentsOfFile: lockFile, encoding: .utf8))?.contains("pid") != true { usleep(100_000) }
        let second = try ParityBinary.run(["capture", "--until-caught-up", "--config", scenario.configPath])
        #expect(second.status == 3 && second.output.contains("capture is already running for this store (parity capture, pid"),
                "\(second.output)")
        // `parity run` takes the same lock; started as a process, so a regression cannot hang the test: bounded wait.
        let service = try RunningProcess([ParityBinary.path, "run", "--config", scenario.configPath])
        for _ in 0..<100 where kill(service.pid, 0) == 0 && !service.output.contains("capture is already running") { usleep(100_000) }
        service.send(SIGKILL)
        _ = service.wait()
        #expect(service.output.contains("capture is already running for this store (parity capture"), "\(service.output)")
        capture.send(SIGTERM)
        #expect(capture.wait() == 0, "\(capture.output)")
        #expect(capture.output.contains("legacy: stopped"), "\(capture.output)")
        let status = try ParityBinary.run(["status", "--config", scenario.configPath, "--format", "json"])
        #expect(status.status == 0)
        #expect(status.output.contains("\"schema\" : \"parity.status/1\""))
        #expect(status.output.contains("\"slot_active\" : false"))
        let final = try ParityBinary.run(["capture", "--config", scenario.configPath, "--until-caught-up"])
        #expect(final.status == 0, "\(final.output)")
        #expect(try scenario.mismatches(.legacy, mapping: "orders", table: "orders", key: ["id"]) == [])
    }

    @Test("SIGTERM ends capture --until-caught-up while a source cannot stream (retrying): reconnects are reported, exit 143 promptly")
    func stopWhileWaitingToCatchUp() throws {
        let scenario = try CaptureScenario()
        defer { scenario.stop() }
        // New accepts queries but no walsender (53300, retried with backoff): it can never catch up.
        try scenario.new.run("ALTER SYSTEM SET max_wal_senders = 0", database: "modern")
        try scenario.new.restart()
        try scenario.new.run("INSERT INTO orders VALUES (50, 'O', 5.00, NULL, NULL)", database: "modern")
        let capture = try RunningProcess([ParityBinary.path, "capture", "--until-caught-up", "--timeout", "120s", "--config", scenario.configPath])
        for _ in 0..<300 where kill(capture.pid, 0) == 0 && !capture.output.contains("new: connection lost or refused") { usleep(100_000) }
        #expect(capture.output.contains("new: connection lost or refused ("), "\(capture.output)")
        let signalled = ContinuousClock.now
        capture.send(SIGTERM)
        let status = capture.wait()
        let took = ContinuousClock.now - signalled
        #expect(status == 128 + SIGTERM, "\(capture.output)")
        #expect(took < .seconds(30), "capture took \(took) to exit after SIGTERM")
        #expect(capture.output.contains("legacy: stopped before catching up, durable through"), "\(capture.output)")
    }
}
