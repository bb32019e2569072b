import Foundation
import ParityConfig
import ParityEngine
@testable import ParityStore
import ParityTestSupport
import PostgresClient
import Reconciliation
import Testing

/// `parity verify --sources` while capture runs under a write load: a clean store, then a row changed in the store
/// behind capture's back and a row deleted on legacy while capture was stopped and its slot recreated.
@Suite("parity verify --sources")
struct SourceVerifierTests {
    @Test("exactly the two planted drifts, none for a clean store, with both sources written meanwhile",
          arguments: ReconciliationScenario.StoreKind.allCases)
    func plantedDrifts(_ storeKind: ReconciliationScenario.StoreKind) throws {
        let scenario = try ReconciliationScenario(storeKind: storeKind)
        defer { scenario.stop() }
        var session = try scenario.startCapture()
        defer { session.stop() }

        let clean = try WriteLoad.during(scenario) { try SourceVerifier.run(scenario.configuration, store: scenario.store) }
        #expect(clean.drifts.isEmpty, "\(clean.drifts)")
        #expect(clean.tables.map { "\($0.side) \($0.sourceRows == $0.storedRows)" } == ["legacy true", "new true"], "\(clean.tables)")

        // Behind capture's back: order 1's note changed in the store; order 2 deleted on legacy while its slot was gone.
        try scenario.alterStore("""
            UPDATE row_state SET row_values = replace(row_values, '"baseline"', '"tampered"')
            WHERE side = 'legacy' AND mapping = 'orders' AND row_key = '["1"]'
            """)
        session.stop()
        let legacy = try scenario.legacy.connect(database: "legacy")
        defer { legacy.close() }
        try dropSlot("parity_legacy", on: legacy)
        try legacy.execute(unsafeScript: "DELETE FROM orders WHERE order_no = 2")
        try legacy.query("SELECT pg_create_logical_replication_slot('parity_legacy', 'pgoutput')")
        session = try CaptureSession(configuration: scenario.configuration, store: scenario.store, statusInterval: .milliseconds(200))
        session.start()

        let drifted = try WriteLoad.during(scenario) { try SourceVerifier.run(scenario.configuration, store: scenario.store) }
        #expect(drifted.drifts.map { "\($0.side) \($0.keyText) \($0.problem.rawValue) \($0.columns)" } == [
            "legacy order_no=1 different_value [\"note\"]", "legacy order_no=2 extra_in_store []",
        ], "\(drifted.drifts)")
        #expect(drifted.exitCode == 1)

        let cli = try ParityBinary.run(["verify", "--sources", "--source", "legacy", "--format", "json", "--config", scenario.configuration.file])
        #expect(cli.status == 1 && cli.output.contains(#""kind" : "capture_drift""#) && cli.output.contains(#""problem" : "extra_in_store""#),
                "\(cli.output)")
        let onlyNew = try ParityBinary.run(["verify", "--sources", "--source", "new", "--config", scenario.configuration.file])
        #expect(onlyNew.status == 0 && onlyNew.output.contains("verify: PASS"), "\(onlyNew.output)")
        #expect(try scenario.store.lastVerification(mode: .sources) == nil, "a run limited to one source is not recorded")
        let both = try ParityBinary.run(["verify", "--sources", "--config", scenario.configuration.file])
        #expect(both.status == 1 && both.output.contains("verify: FAIL (2 capture_drift"), "\(both.output)")
        let recorded = try #require(try scenario.store.lastVerification(mode: .sources))
        #expect(!recorded.passed && recorded.problems == 2 && recorded.sources == [.legacy, .new])
        let left = try legacy.query("SELECT count(*)::text AS n FROM pg_replication_slots WHERE slot_name LIKE 'parity_verify_%'").rows
        #expect(left.first?["n"] == "0", "the temporary slots are gone")
    }

    /// Drops a slot, retrying while the walsender that held it lets go.
    private func dropSlot(_ name: String, on connection: PostgresConnection) throws {
        for _ in 0..<100 {
            do {
                try connection.query("SELECT pg_drop_replication_slot(\(name))")
                return
            } catch {
                guard error.sqlState == "55006" else { throw error }
                Thread.sleep(forTimeInterval: 0.1)
            }
        }
        Issue.record("slot \(name) stayed active")
    }
}

/// Inserts into both sources every 20 ms (at most 1,500 rows each) while `body` runs.
enum WriteLoad {
    static func during(_ scenario: ReconciliationScenario, _ body: () throws -> SourceVerification) throws -> SourceVerification {
        let stop = StopFlag()
        let done = DispatchSemaphore(value: 0)
        let dsns = (scenario.legacy.dsn(database: "legacy"), scenario.new.dsn(database: "modern"))
        let base = 100_000 + Int.random(in: 0..<1_000) * 10_000
        Thread.detachNewThread {
            write(dsns, base: base, stop: stop)
            done.signal()
        }
        defer {
            stop.set()
            done.wait()
        }
        return try body()
    }

    private static func write(_ dsns: (String, String), base: Int, stop: StopFlag) {
        guard let legacy = try? PostgresConnection.connect(ConnectionOptions(dsn: dsns.0)),
              let new = try? PostgresConnection.connect(ConnectionOptions(dsn: dsns.1)) else { return }
        defer {
            legacy.close()
            new.close()
        }
        var index = 0
        while index < 1_500, !stop.isSet {
            _ = try? legacy.execute(unsafeScript: "INSERT INTO orders VALUES (\(base + index), 'O', 1.000, NULL, NULL)")
            _ = try? new.execute(unsafeScript: "INSERT INTO sales.purchase_order VALUES (\(base + index), 'open', 1.00, NULL, NULL)")
            Thread.sleep(forTimeInterval: 0.02)
            index += 1
        }
    }

    final class StopFlag: @unchecked Sendable {
        private let lock = NSLock()
        private var value = false
        var isSet: Bool { lock.withLock { value } }
        func set() { lock.withLock { value = true } }
    }
}
