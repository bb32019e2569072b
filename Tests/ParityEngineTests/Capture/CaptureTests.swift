import Foundation
import ParityConfig
@testable import ParityEngine
import ParityModel
import ParityStore
import ParityTestSupport
import SourceQueries
import Testing

@Suite("Capture into the store against real clusters")
struct CaptureTests {
    let scratch: ScratchDirectory

    init() throws {
        scratch = try ScratchDirectory("capture")
    }

    @Test("inserts, updates, deletes, truncate, composite and changed keys, TOAST, ADD COLUMN and ANALYZE land exactly")
    func changesLandExactly() throws {
        let scenario = try CaptureScenario()
        defer { scenario.stop() }
        let session = try CaptureSession(configuration: scenario.configuration, store: scenario.store, statusInterval: .milliseconds(200))
        session.start()
        defer { session.stop() }
        let toast = (0..<1200).map { _ in String(UInt64.random(in: 0...UInt64.max), radix: 36) }.joined()
        for side in SourceSide.allCases {
            try scenario.cluster(side).run("""
                INSERT INTO orders VALUES (3, 'O', 30.00, '\(toast)', '2026-11-21 08:00:00.123456');
                UPDATE orders SET status = 'P', amount = 10.01 WHERE id = 1;
                INSERT INTO lines VALUES (3, 1, 7, 1.005), (3, 2, 1, 2.000);
                DELETE FROM lines WHERE order_id = 1 AND line_no = 2;
                UPDATE lines SET line_no = 9 WHERE order_id = 3 AND line_no = 2;
                UPDATE orders SET id = 20 WHERE id = 2;
                INSERT INTO heap_log VALUES (1, 'unmapped, no key');
                """, database: scenario.database(side))
            // An unchanged TOASTed column arrives as 'u': it must keep its value.
            try scenario.cluster(side).run("UPDATE orders SET status = 'V' WHERE id = 3", database: scenario.database(side))
            try scenario.cluster(side).run("ANALYZE orders; ALTER TABLE orders ADD COLUMN channel text DEFAULT 'web'", database: scenario.database(side))
            try scenario.cluster(side).run("""
                INSERT INTO orders (id, status, amount, channel) VALUES (4, 'O', 4.00, 'phone');
                UPDATE orders SET amount = 30.50 WHERE id = 3;
                BEGIN; TRUNCATE lines; INSERT INTO lines VALUES (5, 1, 1, 9.999); COMMIT;
                """, database: scenario.database(side))
        }
        try session.waitUntilCaughtUp(configuration: scenario.configuration, timeout: .seconds(60))
        for side in SourceSide.allCases {
            #expect(try scenario.mismatches(side, mapping: "orders", table: "orders", key: ["id"]) == [])
            #expect(try scenario.mismatches(side, mapping: "lines", table: "lines", key: ["order_id", "line_no"]) == [])
            let orders = try scenario.store.currentImages(side: side, mapping: "orders")
            #expect(orders[ExactText(RowJSON.key(["3"]))]?["note"] == .some(toast))
            #expect(orders[ExactText(RowJSON.key(["3"]))]?["status"] == .some("V"))
            #expect(orders[ExactText(RowJSON.key(["4"]))]?["channel"] == .some("phone"))
            #expect(orders[ExactText(RowJSON.key(["2"]))] == nil)
            #expect(orders[ExactText(RowJSON.key(["20"]))]?["amount"] == .some("20.00"))
        }
        #expect(session.states.allSatisfy { $0.state.changesApplied >= 10 })
    }

    @Test("a restart resumes from the durable position: nothing lost, nothing applied twice")
    func resumeAfterStop() throws {
        let scenario = try CaptureScenario()
        defer { scenario.stop() }
        let first = try CaptureSession(configuration: scenario.configuration, store: scenario.store, statusInterval: .milliseconds(200))
        first.start()
        try scenario.legacy.run("INSERT INTO orders SELECT g, 'O', g, NULL, NULL FROM generate_series(100, 199) g", database: "legacy")
        try first.waitUntilCaughtUp(configuration: scenario.configuration, timeout: .seconds(60))
        first.stop()
        // Written while no capture runs.
        try scenario.legacy.run("UPDATE orders SET amount = amount + 1 WHERE id BETWEEN 100 AND 149; DELETE FROM orders WHERE id >= 190",
                                database: "legacy")
        let second = try CaptureSession(configuration: scenario.configuration, store: scenario.store, statusInterval: .milliseconds(200))
        second.start()
        defer { second.stop() }
        try second.waitUntilCaughtUp(configuration: scenario.configuration, timeout: .seconds(60))
        #expect(try scenario.mismatches(.legacy, mapping: "orders", table: "orders", key: ["id"]) == [])
        #expect(second.states.first { $0.side == .legacy }?.state.transactionsApplied == 1)
    }

    @Test("capture before init is refused with the command to run")
    func notInitialized() throws {
        let cluster = try PostgresCluster.start()
        defer { cluster.stop() }
        let yaml = "sources:\n  legacy: { dsn: \"\(cluster.dsn())\" }\n  new: { dsn: \"\(cluster.dsn())\", slot: other }\n"
        let configuration = try ParityConfiguration.parse(yaml: yaml, file: "c.yaml", environment: [:])
        let store = try ParityStore.open(path: scratch.file("parity.sqlite"))
        let error = #expect(throws: EngineError.self) { _ = try CaptureSession(configuration: configuration, store: store) }
        #expect(error?.fix.contains("parity init") == true)
    }
}
