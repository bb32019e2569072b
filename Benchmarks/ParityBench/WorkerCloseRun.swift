import Foundation
import ParityTestSupport
import PostgresClient

/// The close benchmark's table pair with the PostgreSQL store (issue 26), closed by `parity worker` processes: a fresh
/// pair of sources filled as the SQLite run's, the store in a cluster of its own (``StoreCluster``), `parity init`, then
/// `workers` workers started together. They do what they do in production: one captures, and every cycle is closed by
/// whichever holds the coordinator lock, its 16 tasks run by both. The benchmark only watches the store's tables:
///
/// - cycle 0: from starting the workers until the baseline is in `cycle` (their start and first tick included);
/// - the changed cycle: written as the SQLite run's, then from the moment it is due (both sources' watermarks in
///   `source_state` past its end: capture has applied it) until it is in `cycle`; also from its plan (`close_plan`).
struct WorkerCloseRun {
    /// What the run measured.
    struct Figures {
        var initRun: TimedRun
        /// Workers started → cycle 0 planned, recorded.
        var cycle0Planned: Double
        var cycle0: Double
        /// Changes committed → the changed cycle due (capture applied them), planned, recorded.
        var capture: Double
        var planned: Double
        var recorded: Double
        /// The changed cycle's close: due → recorded, and planned → recorded.
        var close: Double { recorded - capture }
        var closeFromPlan: Double { recorded - planned }
        /// Changes committed → the changed cycle's changes folded into row state (after it was recorded).
        var folded: Double
        /// The fold after the close: recorded → folded.
        var foldAfterClose: Double { folded - recorded }
        var cycleID: Int64
        var findings: CycleFindings
        var correct: Bool
        /// Per worker: peak resident set after cycle 0 and at the end (bytes), CPU seconds in cycle 0 and in the changed
        /// close (from due to recorded, with the wait for capture before it: the capturing worker's share is capture).
        var peakAfterCycle0: [Int]
        var peakAtEnd: [Int]
        var cpuCycle0: [Double]
        var cpuChangedCycle: [Double]
        var capturing: Int?
        var storeBytes: Int64
    }

    let parityBinary: String
    let planted: PlantedChanges
    let workers: Int

    func run() throws -> Figures {
        let store = try StoreCluster()
        defer { store.stop() }
        print("  store cluster (loopback, port \(store.cluster.port)): \(StoreCluster.described)")
        // Idle sources' watermarks advance with a heartbeat each second, as an operator of 1-second cycles would set.
        let bench = try CloseBench(parityBinary: parityBinary, planted: planted, storeURL: store.url, heartbeat: "1s")
        defer { bench.stop() }
        let watch = try store.cluster.connect(database: StoreCluster.database)
        defer { watch.close() }

        try store.resetStatements()
        let initRun = try bench.parity.run(["init"])
        CloseRun.phase("parity init (baseline copy, PostgreSQL store)", initRun)
        try printStatements(store, "init")

        try store.resetStatements()
        let started = Date()
        let fleet = try WorkerFleet(parity: bench.parity, count: workers)
        var stopped = false
        defer { if !stopped { _ = fleet.stop() } }
        var cycle0Planned: Double?
        let cycle0 = try poll(fleet, timeout: 3600) {
            let row = try watch.query("""
                SELECT EXISTS (SELECT 1 FROM close_plan WHERE cycle = 0) AS planned, EXISTS (SELECT 1 FROM cycle WHERE id = 0) AS closed
                """).singleRow()
            if cycle0Planned == nil, try row.decode(Bool.self, "planned") { cycle0Planned = Date().timeIntervalSince(started) }
            return try row.decode(Bool.self, "closed")
        }.timeIntervalSince(started)
        let peakAfterCycle0 = fleet.peakResidentBytes()
        let cpuCycle0 = fleet.cpuSeconds()
        print(String(format: "  %@%8.2f s  (planned after %.2f s)", "\(workers) workers: cycle 0 recorded".padding(toLength: 45, withPad: " ", startingAt: 0),
                     cycle0, cycle0Planned ?? cycle0))
        printWorkers("after cycle 0", peaks: peakAfterCycle0, cpu: cpuCycle0)
        try printStatements(store, "cycle 0")
        let storeBytes = try store.databaseBytes()
        print(String(format: "  store database after cycle 0: %.2f GB", Double(storeBytes) / 1e9))

        // The 1-second cycles since init close one after another; the changed cycle is timed once none is due and
        // both watermarks are past a tick written now.
        let ticked = Int64(Date().timeIntervalSince1970 * 1e6)
        try bench.tick()
        let caughtUp = try poll(fleet, timeout: 1800) {
            let row = try watch.query("""
                SELECT (SELECT max(end_time) FROM cycle) AS latest, (SELECT min(watermark) FROM source_state) AS watermark,
                    (SELECT count(*) FROM close_plan) AS plans, (SELECT count(*) FROM cycle) AS cycles
                """).singleRow()
            let latest = try row.decode(Int64?.self, "latest") ?? 0
            let watermark = try row.decode(Int64?.self, "watermark") ?? 0
            return try row.decode(Int64.self, "plans") == 0 && watermark >= ticked && latest + 1_000_000 > watermark
        }
        let cycles = try watch.query("SELECT count(*) AS cycles FROM cycle").singleRow().decode(Int64.self, "cycles")
        let lastBefore = try watch.query("SELECT max(id) AS id FROM cycle").singleRow().decode(Int64.self, "id")
        print(String(format: "  workers caught up with the due 1-second cycles %.1f s after cycle 0 (%ld cycles closed)",
                     caughtUp.timeIntervalSince(started) - cycle0, cycles))

        try store.resetStatements()
        let cpuBefore = fleet.cpuSeconds()
        let committing = try bench.writeChangedCycle()
        let end = (Int64(committing.timeIntervalSince1970.rounded(.down)) + 1) * 1_000_000
        var due: Date?
        var planned: Date?
        var cycleID: Int64 = -1
        var planner: [String] = []
        let recorded = try poll(fleet, timeout: 3600, interval: 0.05) {
            let row = try watch.query("""
                SELECT (SELECT min(watermark) FROM source_state) AS watermark, EXISTS (SELECT 1 FROM close_plan WHERE end_time = \(end)) AS planned,
                    (SELECT id FROM cycle WHERE end_time = \(end)) AS id
                """).singleRow()
            let now = Date()
            if due == nil, try row.decode(Int64.self, "watermark") >= end { due = now }
            if planned == nil, try row.decode(Bool.self, "planned") {
                planned = now
                planner = try store.pendingChangePlanner()
            }
            guard let id = try row.decode(Int64?.self, "id") else { return false }
            cycleID = id
            return true
        }
        let cpuChanged = zip(fleet.cpuSeconds(), cpuBefore).map { $0 - $1 }
        let capture = (due ?? recorded).timeIntervalSince(committing)
        let plannedAt = (planned ?? recorded).timeIntervalSince(committing)
        let recordedAt = recorded.timeIntervalSince(committing)
        print(String(format: "  %@%8.2f s  (commit to due: capture applied it)", "workers: capture".padding(toLength: 45, withPad: " ", startingAt: 0), capture))
        print(String(format: "  %@%8.2f s  (due to recorded; planned to recorded %.2f s; %ld empty cycles closed before it)",
                     "\(workers) workers: changed cycle \(cycleID) closed".padding(toLength: 45, withPad: " ", startingAt: 0),
                     recordedAt - capture, recordedAt - plannedAt, cycleID - lastBefore - 1))
        print("    pending_change as the close was planned:")
        for line in planner { print("      " + line) }
        print("    and as it was recorded:")
        for line in try store.pendingChangePlanner() { print("      " + line) }
        // The changes a close compared without folding are folded into row state once it is recorded: off the close's
        // path, but work the store does for it all the same.
        let folded = try poll(fleet, timeout: 3600, interval: 0.2) {
            // What the workers ask (migration 012): no pending change is older than a side's unfolded_since.
            try watch.query("""
                SELECT NOT EXISTS (SELECT 1 FROM source_state WHERE unfolded_since < \(end)) AS folded
                """).singleRow().decode(Bool.self, "folded")
        }
        let foldedAt = folded.timeIntervalSince(committing)
        print(String(format: "  %@%8.2f s  (recorded to its changes folded into row state)",
                     "\(workers) workers: changed cycle folded".padding(toLength: 45, withPad: " ", startingAt: 0), foldedAt - recordedAt))
        try printStatements(store, "the changed cycle and its fold")
        let findings = try bench.parity.findings(cycles: [cycleID])
        print("  keys compared: \(findings.compared), findings by kind: \(findings.keysByKind.mapValues(\.count))")

        let capturing = fleet.capturing
        let endings = fleet.stop()
        stopped = true
        for (index, ending) in endings.enumerated() where ending.status != 0 {
            print("  worker \(index + 1) exited \(ending.status): \(fleet.processes[index].output.suffix(1500))")
        }
        let peakAtEnd = endings.map(\.peakResidentBytes)
        printWorkers("changed cycle (CPU from its commit)", peaks: peakAtEnd, cpu: cpuChanged, capturing: capturing)
        return Figures(
            initRun: initRun, cycle0Planned: cycle0Planned ?? cycle0, cycle0: cycle0, capture: capture, planned: plannedAt,
            recorded: recordedAt, folded: foldedAt, cycleID: cycleID, findings: findings, correct: findings.equal(planted),
            peakAfterCycle0: peakAfterCycle0, peakAtEnd: peakAtEnd, cpuCycle0: cpuCycle0, cpuChangedCycle: cpuChanged,
            capturing: capturing, storeBytes: storeBytes)
    }

    /// Calls `done` every `interval` until it is true (returning when), throwing if a worker exits or `timeout` passes.
    private func poll(_ fleet: WorkerFleet, timeout: Double, interval: Double = 0.1, _ done: () throws -> Bool) throws -> Date {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if try done() { return Date() }
            try fleet.checkRunning()
            guard Date() < deadline else {
                throw BenchError("the workers did not get there within \(Int(timeout)) s; worker 1 printed:\n\(fleet.processes[0].output.suffix(2000))")
            }
            Thread.sleep(forTimeInterval: interval)
        }
    }

    private func printWorkers(_ phase: String, peaks: [Int], cpu: [Double], capturing: Int? = nil) {
        for (index, (peak, seconds)) in zip(peaks, cpu).enumerated() {
            print(String(format: "    worker %d%@: peak RSS %4.0f MB, CPU %.2f s (%@)", index + 1, index == capturing ? " (captures)" : "",
                         Double(peak) / 1_048_576, seconds, phase))
        }
    }

    private func printStatements(_ store: StoreCluster, _ phase: String) throws {
        print("    the store's slowest statements in \(phase) (pg_stat_statements):")
        for line in try store.topStatements() { print("      " + line) }
    }
}
