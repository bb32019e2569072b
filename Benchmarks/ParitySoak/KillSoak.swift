import Foundation
import ParityTestSupport

/// The kill soak from start to verdict: clusters, load, kills, the last capture, the audit, and a printed report.
struct KillSoak {
    let options: KillSoakOptions

    init(_ options: KillSoakOptions) {
        self.options = options
    }

    /// Runs the soak and prints its figures; returns whether nothing was lost or doubled.
    func run() throws -> Bool {
        let started = Date()
        print("kill soak: \(options.kills) kills after \(options.delay.lowerBound)-\(options.delay.upperBound) ms, seed \(options.seed); "
            + "pgbench scale \(options.scale), \(options.clients) clients at \(options.rate) tps on each database, "
            + "1 transaction in 100 a \(options.bulkRows)-row bulk insert; the \(options.store.rawValue) store")
        let scenario = try SoakScenario(parityBinary: options.parityBinary, scale: options.scale, store: options.store)
        defer { scenario.stop() }
        let load = try PgbenchLoad(
            scenario, clients: options.clients, rate: options.rate, bulkRows: options.bulkRows, seconds: options.minutes * 60 + 120)
        Thread.sleep(forTimeInterval: 2)
        var random = SplitMix64(seed: options.seed)
        let loop = KillLoop(
            parityBinary: options.parityBinary, configPath: scenario.configPath, probe: scenario.probe, kills: options.kills,
            delay: options.delay, deadline: Date().addingTimeInterval(TimeInterval(options.minutes * 60)))
        let tally = try loop.run(using: &random)
        let killPhase = Date().timeIntervalSince(started)
        try load.stop()
        print(String(format: "kills: %d started, %d killed while running, %d with the durable position moved since the previous kill, "
            + "%.0f s; peak RSS of a killed capture %.1f MB", tally.started, tally.killed, tally.progressed, killPhase,
            Double(tally.peakResidentBytes) / 1_048_576))
        for exit in tally.exitedEarly { print("capture ended before its kill: \(exit)") }

        let catchUpStart = Date()
        let final = try RunningProcess([
            options.parityBinary, "capture", "--config", scenario.configPath, "--until-caught-up", "--timeout", "15m",
        ])
        let (finalStatus, finalPeak) = final.waitWithPeakMemory()
        print(String(format: "last capture until caught up: exit %d, %.0f s, peak RSS %.1f MB", finalStatus,
            Date().timeIntervalSince(catchUpStart), Double(finalPeak) / 1_048_576))
        guard finalStatus == 0 else {
            print(final.output)
            return false
        }

        let audit = StoreAudit(scenario: scenario)
        let tables = try audit.tables()
        print("rows compared (source = store):")
        for line in tables {
            print("  \(line.side.rawValue) \(line.mapping): source \(line.sourceRows), store \(line.storeRows), "
                + (line.problems.isEmpty ? "equal" : "\(line.problems.count)+ differences"))
            line.problems.forEach { print("    \($0)") }
        }
        let changes = try audit.changes()
        print("changes held (expected from the sources' tables = found in the store):")
        for line in changes {
            for name in Set(line.expected.keys).union(line.found.keys).sorted() {
                let (expected, found) = (line.expected[name] ?? 0, line.found[name] ?? 0)
                print("  \(line.side.rawValue) \(name): \(expected) = \(found)\(expected == found ? "" : "  MISMATCH")")
            }
        }
        let passed = tally.killed == options.kills && tally.exitedEarly.isEmpty
            && tables.allSatisfy(\.problems.isEmpty) && changes.allSatisfy(\.isExact)
        print(String(format: "kill soak %@ in %.0f s", passed ? "PASSED" : "FAILED", Date().timeIntervalSince(started)))
        return passed
    }
}
