import Foundation
import ParityConfig
import ParityEngine
import ParityModel
import ParityStore
import ParityTestSupport
import PostgresClient
import Reconciliation
import Testing

/// `parity worker` processes sharing a PostgreSQL store (issue 26): the same sources reconciled into the SQLite store
/// (one process) and into PostgreSQL stores closed by 1, 2 and 4 workers give the same reports, byte for byte but for
/// the clock, including when a worker is killed in the middle of a close task and the coordinator in the middle of
/// recording a cycle.
@Suite("Workers sharing a PostgreSQL store")
struct WorkerTests {
    @Test("1, 2 and 4 workers report what the SQLite store reports, through a worker killed mid-task and a coordinator killed mid-reduce")
    func sameAnswers() throws {
        let sources = try WorkerSources()
        defer { sources.stop() }
        let calendar = try #require(CycleCalendar(try sources.configuration(for: .sqlite).cycle))
        // Every store's baseline in one window, so that their cycles are the same windows with the same ids.
        let first = try CycleClock.waitForWindow(calendar, offset: 0...10)
        var stores: [WorkerStore] = []
        defer { for store in stores { store.stop() } }
        for kind in WorkerStore.Kind.allCases { stores.append(try WorkerStore(kind, sources: sources)) }
        for store in stores {
            let initialized = try #require(try store.store.sourceRecords().map(\.initializedAt).max())
            try #require(calendar.window(containing: StoreTime.date(initialized)).label == first.label, "init ran past its window; run again")
        }
        for store in stores.dropFirst() {
            // `invoices` is compared by part: its keys placed by their canonical form ("INV-0007" and 7 in one part), its
            // cutover scope (a filter) counted by each task. So is `orders`, whose scope table's keys each task reads
            // from the close's plan.
            let placed = try #require(store.store as? any PartitionedCycleStore).keyPlacements()
            #expect(placed == ["invoices": [.stripPrefix("INV-"), .stripLeadingZeros]], "\(store.kind)")
        }
        let sqlite = stores[0]
        let twoWorkers = try #require(stores.first { $0.kind == .twoWorkers })
        for store in stores { try store.start() }
        try sources.tick(until: "every baseline closed") { try stores.allSatisfy { try $0.closed(id: 0) } }

        // Cycle A: changes, new rows, deletes and differences. A close task of the 2-worker store (cycle A's, or an
        // empty cycle's before it) waits for a table every task reads and the test holds (carried_key: written only when
        // a cycle is recorded), and the worker running it is killed there, its task claimed.
        let held = try twoWorkers.holdTable("carried_key")
        try sources.write(legacy: WorkerSources.cycleA.legacy, new: WorkerSources.cycleA.new)
        let windowA = calendar.window(containing: Date())
        let killedInTask = try sources.tick(until: "a close task waits behind the held table") {
            // A task's read names its parts (the routes' reads of carried_key wait too, and name none).
            try twoWorkers.backendWaiting(on: "part BETWEEN")
        }
        twoWorkers.kill(pid: killedInTask)
        try held.execute(unsafeScript: "ROLLBACK")
        held.close()
        try twoWorkers.startWorker()
        try sources.tick(until: "cycle \(windowA.label) closed everywhere") {
            try sqlite.closeDue()
            return try stores.allSatisfy { try $0.closed(label: windowA.label) }
        }

        // Any worker serves the API and the reports over the shared store: one of the 4-worker store's (asked between
        // cycles, so that the time it takes is a gap the next cycle's writes follow, as any other).
        let fourWorkers = try #require(stores.first { $0.kind == .fourWorkers })
        let port = try #require(fourWorkers.httpPort)
        let cycleA = try #require(try fourWorkers.store.cycles().first { $0.label == windowA.label })
        let servedEndOfDay = LoopbackHTTP.getBlocking(port: port, "/api/v1/cycles/\(cycleA.id)")
        let servedReport = LoopbackHTTP.getBlocking(port: port, "/reports/eod/\(cycleA.id).html")
        let servedGate = LoopbackHTTP.getBlocking(port: port, "/api/v1/gate")
        var readiness = LoopbackHTTP.getBlocking(port: port, "/readyz")
        for _ in 0..<30 where readiness?.status != 200 {
            Thread.sleep(forTimeInterval: 1)
            readiness = LoopbackHTTP.getBlocking(port: port, "/readyz")
        }
        #expect(readiness?.status == 200, "a worker's /readyz: \(readiness?.body ?? "no answer")")
        #expect(servedReport?.status == 200 && servedReport?.body.contains("<html") == true)
        #expect(servedGate?.status == 200 && servedGate?.body.contains(#""schema" : "parity.gate/"#) == true, "\(servedGate?.body ?? "no answer")")

        // Cycle B: a truncate among changes before and after it; the coordinator of the 2-worker store is killed while
        // it records the cycle (waiting for a table the test holds).
        try sources.write(legacy: WorkerSources.cycleB.legacy, new: WorkerSources.cycleB.new)
        let windowB = calendar.window(containing: Date())
        #expect(windowB.start >= windowA.end)
        let reduce = try twoWorkers.holdTable("aggregate_result")
        let killedInReduce = try sources.tick(until: "the coordinator records cycle \(windowB.label)") {
            try twoWorkers.backendWaiting(on: "aggregate_result")
        }
        twoWorkers.kill(pid: killedInReduce)
        try reduce.execute(unsafeScript: "ROLLBACK")
        reduce.close()
        try sources.tick(until: "cycle \(windowB.label) closed everywhere") {
            try sqlite.closeDue()
            return try stores.allSatisfy { try $0.closed(label: windowB.label) }
        }
        for store in stores { store.stop() }

        let expected = try sqlite.reports(month: WorkerSources.month(of: windowA))
        #expect(
            servedEndOfDay.map { ReportClock.strip($0.body).trimmingCharacters(in: .whitespacesAndNewlines) }
                == expected["eod \(cycleA.id)"]?.trimmingCharacters(in: .whitespacesAndNewlines),
            "the end-of-day report a worker serves differs from the SQLite store's")
        #expect(try sqlite.store.cycles().count >= 3)
        for store in stores.dropFirst() {
            #expect(try store.store.cycles().map(\.id) == sqlite.store.cycles().map(\.id), "each cycle closed once, \(store.kind)")
            let reports = try store.reports(month: WorkerSources.month(of: windowA))
            for (name, text) in expected {
                #expect(reports[name] == text, "\(name) of \(store.kind) differs from the SQLite store's")
            }
        }
        #expect(expected.values.contains { $0.contains("value_mismatch") }, "the scenario found differences")
        #expect(expected.values.contains { $0.contains("amount < 500") }, "the reports show the scope")
        #expect(expected.values.contains { $0.contains("sales.migrated_order") }, "the reports show the scope table")
    }

    @Test("parity worker refuses an HTTP address it cannot parse, and --listen with --no-http, before reading the config (exit 2)")
    func listenOptions() throws {
        let bad = try ParityBinary.run(["worker", "--config", "/nonexistent/parity.yaml", "--listen", "localhost"])
        #expect(bad.status == 2 && bad.output.contains("--listen takes HOST:PORT"), "\(bad.output)")
        let both = try ParityBinary.run(["worker", "--config", "/nonexistent/parity.yaml", "--listen", "127.0.0.1:0", "--no-http"])
        #expect(both.status == 2 && both.output.contains("exclude each other"), "\(both.output)")
    }
}

/// The two source databases the stores reconcile.
struct WorkerSources {
    let legacy: PostgresCluster
    let new: PostgresCluster
    let scratch: ScratchDirectory

    static let legacySchema = """
        CREATE TABLE orders (order_no int PRIMARY KEY, status char(1), amount numeric(12,3), note text);
        CREATE TABLE heap_log (id bigint, what text);
        INSERT INTO orders SELECT g, CASE WHEN g % 3 = 0 THEN 'P' ELSE 'O' END, g * 1.25 + CASE WHEN g % 13 = 0 THEN 0.005 ELSE 0 END,
            CASE WHEN g % 5 = 0 THEN NULL ELSE 'n' || g END FROM generate_series(1, 400) AS g;
        CREATE TABLE invoices (invoice_no text PRIMARY KEY, amount numeric(12,2));
        INSERT INTO invoices SELECT 'INV-' || lpad(g::text, 4, '0'), g * 3.5 FROM generate_series(1, 200) AS g;
        """
    static let newSchema = """
        CREATE SCHEMA sales;
        CREATE TABLE sales.purchase_order (id bigint PRIMARY KEY, state text, total numeric(14,2), memo text);
        CREATE TABLE heap_log (id bigint, what text);
        INSERT INTO sales.purchase_order SELECT g, CASE WHEN g % 3 = 0 THEN 'paid' ELSE 'open' END,
            round(g * 1.25 + CASE WHEN g % 13 = 0 THEN 0.005 ELSE 0 END, 2) + CASE WHEN g % 29 = 0 THEN 1 ELSE 0 END,
            CASE WHEN g % 5 = 0 THEN '' ELSE 'n' || g END FROM generate_series(1, 400) AS g WHERE g % 31 <> 0;
        CREATE TABLE sales.migrated_order (order_no int PRIMARY KEY);
        INSERT INTO sales.migrated_order SELECT g FROM generate_series(1, 430) AS g WHERE g % 4 <> 3;
        CREATE TABLE sales.invoice (number bigint PRIMARY KEY, amount numeric(12,2));
        INSERT INTO sales.invoice SELECT g, g * 3.5 + CASE WHEN g % 19 = 0 THEN 1 ELSE 0 END FROM generate_series(1, 200) AS g
            WHERE g % 41 <> 0;
        """
    /// Cycle A's writes: updates on both sides (one side only for some), inserts, deletes.
    static let cycleA = (
        legacy: """
            UPDATE orders SET amount = amount + 1 WHERE order_no % 7 = 0 OR order_no = 5;
            UPDATE orders SET status = 'P' WHERE order_no % 11 = 0;
            INSERT INTO orders SELECT g, 'O', g * 0.5, 'late' FROM generate_series(401, 460) AS g;
            DELETE FROM orders WHERE order_no % 37 = 0;
            UPDATE invoices SET amount = amount + 2 WHERE right(invoice_no, 2)::int % 9 = 0;
            INSERT INTO invoices SELECT 'INV-' || lpad(g::text, 4, '0'), 1 FROM generate_series(201, 230) AS g;
            """,
        new: """
            UPDATE sales.purchase_order SET total = total + 1 WHERE id % 7 = 0 OR id = 5;
            UPDATE sales.purchase_order SET state = 'paid' WHERE id % 11 = 0 AND id % 2 = 0;
            INSERT INTO sales.purchase_order SELECT g, 'open', g * 0.5, 'late' FROM generate_series(401, 450) AS g;
            DELETE FROM sales.purchase_order WHERE id % 37 = 0;
            UPDATE sales.invoice SET amount = amount + 2 WHERE number % 9 = 0 AND number % 2 = 0;
            INSERT INTO sales.invoice SELECT g, 1 FROM generate_series(201, 225) AS g;
            DELETE FROM sales.invoice WHERE number % 43 = 0;
            """)
    /// Cycle B's writes: changes, a truncate, and the rows written again after it (not all of them alike).
    static let cycleB = (
        legacy: """
            UPDATE orders SET note = 'before truncate' WHERE order_no < 50;
            TRUNCATE orders;
            INSERT INTO orders SELECT g, 'O', g * 2.125, 'again' FROM generate_series(1, 300) AS g;
            UPDATE orders SET amount = amount + 0.5 WHERE order_no % 17 = 0;
            """,
        new: """
            UPDATE sales.purchase_order SET memo = 'before truncate' WHERE id < 50;
            TRUNCATE sales.purchase_order;
            INSERT INTO sales.purchase_order SELECT g, 'open', round(g * 2.125, 2), 'again' FROM generate_series(1, 300) AS g
                WHERE g % 23 <> 0;
            """)

    /// The `invoices` mapping (YAML lines under `tables:`): its keys placed by their canonical form, a filter scope.
    static let invoicesMapping = """
          - name: invoices
            legacy: public.invoices
            new: sales.invoice
            key: { legacy: [invoice_no], new: [number], normalize: [{ strip_prefix: "INV-" }, strip_leading_zeros] }
            scope: "amount < 500"
            columns:
              - { legacy: amount, new: amount, type: decimal }
        """

    init() throws {
        legacy = try PostgresCluster.start()
        new = try PostgresCluster.start()
        try legacy.createDatabase("legacy")
        try new.createDatabase("modern")
        try legacy.run(Self.legacySchema, database: "legacy")
        try new.run(Self.newSchema, database: "modern")
        scratch = try ScratchDirectory("workers")
    }

    /// The config of a store of `kind` (its own slots and publications on both sources). Parity's sessions carry the
    /// test's own application name, so that no store's client census samples the test's writes: whether one did would
    /// depend on the moment its census ran. No scheduled verification: workers would record one, `parity close` does
    /// not, and the reports show the last.
    func configuration(for kind: WorkerStore.Kind, storeURL: String? = nil) throws -> ParityConfiguration {
        let yaml = """
            \(storeURL.map { "store: { url: \"\($0)\" }" } ?? "store: { path: \"\(scratch.file("parity.sqlite"))\" }")
            sources:
              legacy: { dsn: "\(legacy.dsn(database: "legacy"))", slot: parity_legacy_\(kind.rawValue), publication: parity_legacy_\(kind.rawValue),
                        application_name: parity-tests }
              new: { dsn: "\(new.dsn(database: "modern"))", slot: parity_new_\(kind.rawValue), publication: parity_new_\(kind.rawValue),
                     application_name: parity-tests }
            cycle: { period: 60s, settle: 0s, grace: 1s, timezone: UTC }
            verify: { schedule: off }
            tables:
              - name: orders
                legacy: public.orders
                new: sales.purchase_order
                key: { legacy: [order_no], new: [id] }
                scope: { table: sales.migrated_order, column: order_no }
                columns:
                  - { legacy: status, new: state, map: { O: open, P: paid } }
                  - { legacy: amount, new: total, type: decimal, tolerance: "0.01" }
                  - { legacy: note, new: memo, normalize: [null_equals_empty] }
            \(Self.invoicesMapping)
            aggregates:
              - name: order_totals
                table: orders
                measure: { sum: amount }
                tolerance: "0.00"
              - name: invoice_totals
                table: invoices
                measure: { sum: amount }
                tolerance: "0.00"
            hidden_state: { ignore_tables: [public.heap_log] }
            """
        let path = scratch.file("\(kind.rawValue).yaml")
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        return try ParityConfiguration.parse(yaml: yaml, file: path, environment: [:])
    }

    /// Runs each side's statements.
    func write(legacy legacySQL: String, new newSQL: String) throws {
        try legacy.run(legacySQL, database: "legacy")
        try new.run(newSQL, database: "modern")
    }

    /// Keeps both sources committing (so that their watermarks advance) until `condition` holds (up to 240 s); returns
    /// what it returned.
    @discardableResult
    func tick<T>(until what: String, _ condition: () throws -> T?) throws -> T {
        let deadline = Date().addingTimeInterval(240)
        while Date() < deadline {
            try write(legacy: "INSERT INTO heap_log VALUES (0, 'tick')", new: "INSERT INTO heap_log VALUES (0, 'tick')")
            if let value = try condition() { return value }
            Thread.sleep(forTimeInterval: 0.3)
        }
        throw ClusterError("\(what) did not happen within 240 s", fix: "see the workers' output")
    }

    /// `tick(until:)` for a condition that holds or not.
    func tick(until what: String, _ condition: () throws -> Bool) throws {
        try tick(until: what) { try condition() ? true : nil }
    }

    /// The month (`YYYY-MM`, UTC) a window starts in.
    static func month(of window: CycleWindow) -> String {
        String(ISO8601DateFormatter.string(from: window.start, timeZone: .gmt, formatOptions: [.withFullDate]).prefix(7))
    }

    func stop() {
        legacy.stop()
        new.stop()
    }
}

/// One store reconciling ``WorkerSources``: the SQLite store, captured and closed in this process, or a PostgreSQL
/// store captured and closed by `parity worker` processes.
final class WorkerStore: @unchecked Sendable {
    enum Kind: String, CaseIterable, CustomStringConvertible {
        case sqlite
        case oneWorker = "one_worker"
        case twoWorkers = "two_workers"
        case fourWorkers = "four_workers"

        var workers: Int { [Kind.sqlite: 0, .oneWorker: 1, .twoWorkers: 2, .fourWorkers: 4][self]! }
        var description: String { rawValue }
    }

    let kind: Kind
    let configuration: ParityConfiguration
    let store: any Store
    let database: SharedDatabase?
    private var session: CaptureSession?
    private var workers: [RunningProcess] = []
    /// The port of the worker serving HTTP, once started.
    private(set) var httpPort: Int?

    /// Creates the store and runs init.
    init(_ kind: Kind, sources: WorkerSources) throws {
        self.kind = kind
        database = kind == .sqlite ? nil : try SharedCluster.newDatabase(kind.rawValue)
        configuration = try sources.configuration(for: kind, storeURL: database?.url)
        store = try configuration.store.open()
        let outcome = try ParityInit.run(configuration, store: store)
        guard outcome.check.exitCode == 0 else { throw ClusterError("init's checks failed for \(kind)", fix: "see the check report") }
    }

    /// Starts capture and closes: in this process for SQLite, else the store's workers.
    func start() throws {
        guard kind != .sqlite else {
            let session = try CaptureSession(configuration: configuration, store: store, statusInterval: .milliseconds(200))
            session.start()
            self.session = session
            try closeDue()
            return
        }
        for _ in 0..<kind.workers { try startWorker() }
    }

    /// Starts one more `parity worker`. The 4-worker store's first serves HTTP (on ``httpPort``); the others serve none.
    func startWorker() throws {
        var http = ["--no-http"]
        if kind == .fourWorkers && workers.isEmpty {
            let port = try FreePort.pick()
            httpPort = port
            http = ["--listen", "127.0.0.1:\(port)"]
        }
        workers.append(try RunningProcess(
            [ParityBinary.path, "worker", "--config", configuration.file] + http,
            environment: ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]))
    }

    /// Closes what is due (the SQLite store; workers close theirs).
    func closeDue() throws {
        guard let session else { return }
        try session.waitUntilCaughtUp(configuration: configuration, timeout: .seconds(30))
        _ = try CycleCloser.close(configuration, store: store)
    }

    func closed(id: Int64) throws -> Bool { try store.cycle(id: id) != nil }
    func closed(label: String) throws -> Bool { try store.cycles().contains { $0.label == label } }

    /// Holds `table` exclusively in an open transaction, so that whatever reads it waits.
    func holdTable(_ table: String) throws -> PostgresConnection {
        let connection = try #require(database).connect()
        try connection.execute(unsafeScript: "BEGIN; LOCK TABLE \(table) IN ACCESS EXCLUSIVE MODE")
        return connection
    }

    /// The process id of the worker whose store session waits for a lock in a statement containing `text`, if one does.
    func backendWaiting(on text: String) throws -> pid_t? {
        let connection = try #require(database).connect()
        defer { connection.close() }
        let names = try connection.query("""
            SELECT application_name FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock' AND application_name LIKE 'parity store: pid %'
                AND query LIKE \("%" + text + "%")
            """).rows.compactMap { $0["application_name"] ?? nil }
        return names.first.flatMap { pid_t($0.dropFirst("parity store: pid ".count)) }
    }

    /// Kills worker `pid` with SIGKILL and waits for it to end.
    func kill(pid: pid_t) {
        guard let index = workers.firstIndex(where: { $0.pid == pid }) else {
            Issue.record("pid \(pid) is not a worker of \(kind)")
            return
        }
        let worker = workers.remove(at: index)
        worker.send(SIGKILL)
        _ = worker.wait()
    }

    /// Each report's JSON, by name: end-of-day of every cycle, the month's close, the gate and the open differences.
    func reports(month: String) throws -> [String: String] {
        var reports: [String: String] = [:]
        let config = configuration.file
        for cycle in try store.cycles() {
            reports["eod \(cycle.id)"] = try Self.run(["report", "eod", "--cycle", String(cycle.id), "--format", "json", "--config", config])
        }
        reports["monthly"] = try Self.run(["report", "monthly", "--month", month, "--format", "json", "--config", config])
        reports["open"] = try Self.run(["report", "open", "--format", "json", "--config", config])
        reports["gate"] = try Self.run(["gate", "--format", "json", "--config", config], allowing: [0, 1])
        return reports
    }

    /// Runs `parity arguments`; its output with the clock's and the store's own values taken out.
    private static func run(_ arguments: [String], allowing statuses: Set<Int32> = [0]) throws -> String {
        let (status, output) = try ParityBinary.run(arguments)
        try #require(statuses.contains(status), "parity \(arguments.joined(separator: " ")) exited \(status): \(output)")
        return ReportClock.strip(output)
    }

    func stop() {
        session?.stop()
        session = nil
        for worker in workers {
            worker.send(SIGTERM)
            _ = worker.wait()
        }
        workers = []
    }
}

/// Takes out of a report (pretty-printed JSON, one key per line) the lines that differ between two stores reconciling
/// the same sources: the clock's (when a report was made, a cycle closed, a store initialized, a source last seen, how old
/// a difference is), the config's hash, and each store's own slots, which the others' legacy inventory lists.
enum ReportClock {
    static let keys = [
        "start", "end", "closed_at", "generated_at", "prepared_at", "evaluated_at", "durable_lsn", "watermark", "age_seconds",
        "oldest_age_seconds", "config_hash",
    ]

    static func strip(_ json: String) -> String {
        json.split(separator: "\n", omittingEmptySubsequences: false).filter { line in
            let trimmed = line.drop { $0 == " " }
            if keys.contains(where: { trimmed.hasPrefix("\"\($0)\" :") }) { return false }
            if trimmed.hasPrefix("\"evidence\" : \"slots present;") { return false }  // capture lag
            return !trimmed.contains("undocumented: slot parity_") && !trimmed.contains("undocumented: publication parity_")
        }.joined(separator: "\n")
    }
}
