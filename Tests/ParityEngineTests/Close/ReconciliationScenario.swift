import Foundation
import GRDB
import ParityConfig
import ParityEngine
@testable import ParityStore
import ParityTestSupport
import Reconciliation
import Testing

/// Two throwaway clusters with DIFFERENT schemas for one logical table, initialized for capture: the legacy
/// `public.orders` (char(1) codes, numeric(12,3), local `timestamp` in America/Vancouver) and the new
/// `sales.purchase_order` (words, numeric(14,2), `timestamptz`).
struct ReconciliationScenario {
    /// Baseline rows: 2 and 3 are local times on the spring-forward and fall-back days (3 is in the
    /// repeated hour, which PostgreSQL resolves to standard time); row 4's legacy time was written as UTC by mistake.
    static let legacySchema = """
        CREATE TABLE orders (order_no int PRIMARY KEY, status char(1), amount numeric(12,3), placed_at timestamp, note text);
        CREATE TABLE heap_log (id bigint, what text);
        INSERT INTO orders VALUES (1, 'O', 10.000, '2026-11-20 10:00', 'baseline'), (2, 'P', 20.500, '2026-03-08 03:30', NULL),
                                  (3, 'V', 30.000, '2026-11-01 01:30', 'x'), (4, 'O', 40.000, '2026-11-01 12:00', NULL);
        """
    static let newSchema = """
        CREATE SCHEMA sales;
        CREATE TABLE sales.purchase_order (id bigint PRIMARY KEY, state text, total numeric(14,2), placed_at timestamptz, memo text);
        CREATE TABLE heap_log (id bigint, what text);
        INSERT INTO sales.purchase_order VALUES (1, 'open', 10.00, '2026-11-20 18:00+00', 'baseline'),
                                                (2, 'paid', 20.50, '2026-03-08 10:30+00', ''),
                                                (3, 'void', 30.00, '2026-11-01 09:30+00', 'x'),
                                                (4, 'open', 40.00, '2026-11-01 12:00+00', NULL);
        """

    /// Which store a scenario keeps its state in.
    enum StoreKind: String, Sendable, CaseIterable, CustomTestStringConvertible {
        /// The embedded SQLite store, in the scenario's scratch directory.
        case sqlite
        /// The PostgreSQL store, in a database of the test process's shared cluster.
        case postgres

        var testDescription: String { rawValue }
    }

    let legacy: PostgresCluster
    let new: PostgresCluster
    let configuration: ParityConfiguration
    let store: any Store
    /// The PostgreSQL store's database; nil for the SQLite store.
    let storeDatabase: SharedDatabase?
    /// Holds the store and the config files.
    let scratch: ScratchDirectory

    /// The mapping of `legacySchema` to `newSchema` (YAML lines under `tables:`).
    static let tables = """
          - name: orders
            legacy: public.orders
            new: sales.purchase_order
            key: { legacy: [order_no], new: [id] }
            columns:
              - { legacy: status, new: state, map: { O: open, P: paid, V: void } }
              - { legacy: amount, new: total, type: decimal }
              - { legacy: placed_at, new: placed_at, type: timestamptz, legacy_timezone: America/Vancouver }
              - { legacy: note, new: memo, normalize: [null_equals_empty] }
        """

    /// The default `hidden_state:`: the tick table is written every tick and nobody maps it.
    static let hiddenState = "hidden_state: { ignore_tables: [public.heap_log] }"

    /// Keeps its state in the store `storeKind` names. Starts both clusters with the given schemas (each must create `heap_log (id bigint, what text)`, the tick
    /// table), writes a config with 6-second cycles, the `tables:`, the `hidden_state:` and any further top-level
    /// YAML, and runs init.
    init(
        storeKind: StoreKind = .sqlite, legacySchema: String = Self.legacySchema, newSchema: String = Self.newSchema,
        tables: String = Self.tables, hiddenState: String = Self.hiddenState, extraYAML: String = ""
    ) throws {
        legacy = try PostgresCluster.start()
        new = try PostgresCluster.start()
        try legacy.createDatabase("legacy")
        try new.createDatabase("modern")
        try legacy.run(legacySchema, database: "legacy")
        try new.run(newSchema, database: "modern")
        scratch = try ScratchDirectory("reconcile")
        storeDatabase = storeKind == .postgres ? try SharedCluster.newDatabase("scenario") : nil
        let storeYAML = storeDatabase.map { "store: { url: \"\($0.url)\" }" } ?? "store: { path: \"\(scratch.file("parity.sqlite"))\" }"
        let yaml = """
            \(storeYAML)
            sources:
              legacy: { dsn: "\(legacy.dsn(database: "legacy"))" }
              new: { dsn: "\(new.dsn(database: "modern"))" }
            cycle: { period: 6s, settle: 0s, grace: 2s }
            tables:
            \(tables)
            \(hiddenState)
            \(extraYAML)
            """
        let configPath = scratch.file("parity.yaml")
        try yaml.write(toFile: configPath, atomically: true, encoding: .utf8)
        configuration = try ParityConfiguration.parse(yaml: yaml, file: configPath, environment: [:])
        store = try configuration.store.open()
        let outcome = try ParityInit.run(configuration, store: store)
        guard outcome.check.exitCode == 0 else { throw ClusterError("init's checks failed", fix: "see the check report") }
    }

    /// Runs `sql` on the store's own tables behind its back (SQL both stores' schemas accept), as damage would.
    func alterStore(_ sql: String) throws {
        if let storeDatabase {
            let connection = try storeDatabase.connect()
            defer { connection.close() }
            try connection.execute(unsafeScript: sql)
        } else {
            try sqlite.write { db in try db.execute(sql: sql) }
        }
    }

    /// The SQLite store, for tests that reach into its tables.
    var sqlite: ParityStore {
        get throws { try #require(store as? ParityStore) }
    }

    func stop() {
        legacy.stop()
        new.stop()
    }

    /// Starts capturing both sources and closes the baseline; stop the session before the scenario.
    func startCapture() throws -> CaptureSession {
        let session = try CaptureSession(configuration: configuration, store: store, statusInterval: .milliseconds(200))
        session.start()
        _ = try CycleCloser.close(configuration, store: store)
        return session
    }

    /// Closes until `window` is closed, ticking both sources so their watermarks advance.
    func closeThrough(_ window: CycleWindow, session: CaptureSession) throws {
        try CycleClock.closeThrough(window, configuration: configuration, store: store, session: session) {
            try write(legacy: "INSERT INTO heap_log VALUES (0, 'tick')", new: "INSERT INTO heap_log VALUES (0, 'tick')")
        }
    }

    /// Runs each side's translation of the same logical writes (an empty string writes nothing on that side).
    func write(legacy legacySQL: String, new newSQL: String) throws {
        if !legacySQL.isEmpty { try legacy.run(legacySQL, database: "legacy") }
        if !newSQL.isEmpty { try new.run(newSQL, database: "modern") }
    }
}
