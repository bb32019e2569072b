import Foundation
import ParityConfig
import ParityEngine
import ParityStore
import PostgresClient
import Reconciliation
import SourceQueries
import ThrowawayPostgres

/// `parity demo`: a throwaway PostgreSQL with a legacy and a modern database that disagree in realistic
/// ways, initialized for capture, replaying simulated business days of shadow traffic over short cycles,
/// each closed as it ends.
///
/// The cycles run on the real clock (commit times decide a change's cycle); the simulated days are dated in the
/// last business month complete when the demo starts, one day per cycle. So the monthly report of that month lists
/// the cycles that reconciled it, and the gate's aggregates criterion, which judges the last complete month, judges it.
public enum DemoRun {
    /// How the demo runs.
    public struct Options: Sendable {
        /// Where the config, store and reports go.
        public var workFolder: String
        /// Simulated business days, one per cycle.
        public var days: Int
        /// Orders written per day.
        public var ordersPerDay: Int
        /// Cycle length in seconds.
        public var period: Int
        /// Leave the server running afterwards.
        public var keep: Bool
        /// When the demo starts: its simulated days are the first business days of the last month complete by then.
        public var now: Date

        /// Creates options.
        public init(
            workFolder: String = ".parity-demo", days: Int = 8, ordersPerDay: Int = 200, period: Int = 4, keep: Bool = false,
            now: Date = Date()
        ) {
            self.workFolder = workFolder
            self.days = days
            self.ordersPerDay = ordersPerDay
            self.period = period
            self.keep = keep
            self.now = now
        }
    }

    /// What the demo leaves behind.
    public struct Outcome: Sendable {
        /// The configuration it wrote and used.
        public var configuration: ParityConfiguration
        /// The store (in the work folder).
        public var store: any Store
        /// The config file's path.
        public var configPath: String
        /// The month the simulated days fall in.
        public var month: String
        /// The cycles that closed a simulated day.
        public var dayCycles: [Int64]
        /// The defects planted, one line each.
        public var planted: [String]
        /// How to reach the kept server, when `keep` was given.
        public var kept: (legacy: String, new: String, folder: String)?
    }

    /// Runs the demo, telling `progress` what happens as it goes; `finish` runs after the last day, while both
    /// databases are still up (reports and the gate read them).
    public static func run(
        _ options: Options, progress: (String) -> Void, finish: (Outcome) throws -> Void
    ) throws(EngineError) -> Outcome {
        do {
            return try steps(options, progress: progress, finish: finish)
        } catch let error as EngineError {
            throw error
        } catch {
            throw EngineError(.sourceUnreachable, source: nil, message: "the demo failed: \(error)",
                              fix: "run make deps (PostgreSQL 15 server binaries are needed), then try again")
        }
    }

    private static func steps(_ options: Options, progress: (String) -> Void, finish: (Outcome) throws -> Void) throws -> Outcome {
        let work = URL(fileURLWithPath: options.workFolder).standardizedFileURL.path
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: work + "/parity.sqlite" + suffix) }

        progress("starting a throwaway PostgreSQL (loopback only) with databases legacy and modern")
        let cluster = try PostgresCluster.start(settings: [:], ownerPID: options.keep ? 1 : getpid())
        if options.keep { cluster.keep() }
        defer { if !options.keep { cluster.stop() } }
        try cluster.createDatabase("legacy")
        try cluster.createDatabase("modern")
        try cluster.run(DemoSchema.legacy, database: "legacy")
        try cluster.run(DemoSchema.modern, database: "modern")

        let configPath = work + "/parity.yaml"
        let yaml = DemoConfig.yaml(
            legacyDSN: cluster.dsn(database: "legacy"), newDSN: cluster.dsn(database: "modern"), storePath: work + "/parity.sqlite",
            period: options.period, gateCycles: max(1, options.days))
        try yaml.write(toFile: configPath, atomically: true, encoding: .utf8)
        let configuration = try ParityConfiguration.parse(yaml: yaml, file: configPath, environment: [:])
        guard let calendar = CycleCalendar(configuration.cycle) else {
            throw EngineError(.bug, source: nil, message: "the demo's cycle calendar is invalid", fix: "report this as a bug")
        }
        let traffic = DemoTraffic(ordersPerDay: options.ordersPerDay, month: calendar.lastCompleteMonth(at: options.now))
        let store = try StoreLocation.sqlite(path: work + "/parity.sqlite").open()
        progress("wrote \(configPath); running parity init (checks, slots, publications, baseline copy)")
        let initialized = try ParityInit.run(configuration, store: store)
        guard initialized.check.exitCode == 0 else {
            throw EngineError(.replicationUnusable, source: nil, message: "the demo's databases did not pass parity check", fix: "run parity check --config \(configPath)")
        }
        let session = try CaptureSession(configuration: configuration, store: store, statusInterval: .milliseconds(250))
        session.start()
        defer { session.stop() }
        _ = try CycleCloser.close(configuration, store: store)
        progress("capturing both databases; baseline closed")
        progress("replaying \(options.days) business day(s) of \(traffic.month), the last month complete today, one short cycle each")

        let replay = DemoReplay(
            configuration: configuration, calendar: calendar, store: store, session: session, traffic: traffic,
            legacy: try cluster.connect(database: "legacy"), modern: try cluster.connect(database: "modern"))
        defer { replay.close() }
        var dayCycles: [Int64] = []
        var planted: [String] = []
        for day in 1...max(1, options.days) {
            let (cycle, defects) = try replay.replay(day: day, progress: progress)
            dayCycles.append(cycle)
            planted += defects
        }
        let outcome = Outcome(
            configuration: configuration, store: store, configPath: configPath, month: traffic.month,
            dayCycles: dayCycles, planted: planted,
            kept: options.keep ? (cluster.dsn(database: "legacy"), cluster.dsn(database: "modern"), cluster.directory) : nil)
        try finish(outcome)
        return outcome
    }
}
