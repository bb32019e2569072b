import Foundation
import ParityTestSupport
import PostgresClient

/// One throwaway cluster with `legacy` and `modern` each holding the same `orders` table, Parity
/// initialized on both with 1-second cycles; times the baseline, then one cycle of planted changes closed.
/// The store is a SQLite file in the work folder, or the PostgreSQL database at `storeURL`.
final class CloseBench {
    let cluster: PostgresCluster
    let parity: ParityRunner
    let planted: PlantedChanges
    /// Holds the config and the store.
    let work: String

    /// Starts the cluster and fills both tables with `rows` identical rows (at least `planted.stride × planted.perKind`,
    /// so the planted mismatches fall among the changed rows).
    /// `heartbeat`: each source's `heartbeat` key (a logical message that many seconds apart while capture runs), or none.
    init(parityBinary: String, planted: PlantedChanges, storeURL: String? = nil, heartbeat: String? = nil) throws {
        let rows = planted.rows
        guard rows >= planted.stride * planted.perKind else {
            throw BenchError("the close benchmark needs at least \(planted.stride * planted.perKind) rows, got \(rows)")
        }
        self.planted = planted
        cluster = try PostgresCluster.start(settings: [
            "shared_buffers": "512MB", "max_wal_size": "8GB", "checkpoint_timeout": "30min", "maintenance_work_mem": "256MB",
        ])
        work = NSTemporaryDirectory() + "parity-close-bench-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        parity = ParityRunner(binary: parityBinary, configPath: work + "/parity.yaml")
        for database in ["legacy", "modern"] {
            try cluster.createDatabase(database)
            try cluster.run(PlantedChanges.fill(rows: rows), database: database)
        }
        try """
            store: { \(storeURL.map { "url: \"\($0)\"" } ?? "path: \"\(work)/parity.sqlite\"") }
            sources:
              legacy: { dsn: "\(cluster.dsn(database: "legacy"))", watch_schemas: []\(heartbeat.map { ", heartbeat: \($0)" } ?? "") }
              new: { dsn: "\(cluster.dsn(database: "modern"))"\(heartbeat.map { ", heartbeat: \($0)" } ?? "") }
            cycle: { period: 1s, timezone: UTC, settle: 0s, grace: 0s }
            verify: { schedule: off }
            tables:
              - { name: orders, legacy: public.orders, new: public.orders, key: { legacy: [id], new: [id] },
                  columns: [{ legacy: status, new: status }, { legacy: amount, new: amount, type: decimal },
                            { legacy: updated_at, new: updated_at, type: timestamptz }] }
            """.write(toFile: parity.configPath, atomically: true, encoding: .utf8)
    }

    /// Stops and removes the cluster, and removes the store.
    func stop() {
        cluster.stop()
        try? FileManager.default.removeItem(atPath: work)
    }

    /// `parity init` (copies both tables), then the first `parity close` (cycle 0 compares every row).
    func baseline() throws -> (initRun: TimedRun, close: TimedRun) {
        let initRun = try parity.run(["init"])
        let close = try parity.run(["close"])
        let findings = try parity.findings(closeOutput: close.output)
        guard findings.keysByKind.isEmpty else { throw BenchError("the baseline has findings: \(findings.keysByKind.mapValues(\.count))") }
        return (initRun, close)
    }

    /// Writes the planted changes on both sides, committed in the same 1-second cycle, advances both
    /// watermarks past it, captures, and times `parity close`.
    func closeChangedCycle() throws -> (close: TimedRun, capture: TimedRun, findings: CycleFindings) {
        try writeChangedCycle()
        let capture = try parity.run(["capture", "--until-caught-up", "--timeout", "20m"])
        let close = try parity.run(["close"])
        return (close, capture, try parity.findings(closeOutput: close.output))
    }

    /// Writes the planted changes on both sides, committed in the same 1-second cycle, then a tick in a later cycle on
    /// each side; returns a moment inside the changed cycle (just before the commits).
    @discardableResult
    func writeChangedCycle() throws -> Date {
        let legacy = try cluster.connect(database: "legacy")
        let modern = try cluster.connect(database: "modern")
        defer { legacy.close(); modern.close() }
        try legacy.execute(unsafeScript: "BEGIN;\n" + planted.legacySQL)
        try modern.execute(unsafeScript: "BEGIN;\n" + planted.modernSQL)
        Self.waitForEarlyInSecond()
        let committing = Date()
        try legacy.execute(unsafeScript: "COMMIT")
        try modern.execute(unsafeScript: "COMMIT")
        // Ticks in a later cycle on both sides, so each watermark passes the changed cycle's end.
        Thread.sleep(forTimeInterval: 1.2)
        try tick()
        return committing
    }

    /// Commits a one-row no-op update on both sides: once capture has it, each watermark is past the moment before.
    func tick() throws {
        for database in ["legacy", "modern"] {
            try cluster.run("UPDATE orders SET status = status WHERE id = 1", database: database)
        }
    }

    /// Sleeps until 50 ms past a whole second, so two quick commits land in the same 1-second cycle.
    private static func waitForEarlyInSecond() {
        let now = Date().timeIntervalSince1970
        Thread.sleep(forTimeInterval: now.rounded(.down) + 1.05 - now)
    }
}
