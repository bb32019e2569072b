import Foundation
import GRDB
import ParityConfig
@testable import ParityService
import ParityStore
import ParityModel
import ParityTestSupport
import Testing

@Suite("Service metrics")
struct ServiceMetricsTests {
    @Test("parity_store_readable is 1 while the store reads and 0 once a read fails, instead of series silently kept")
    func storeReadable() throws {
        let scratch = try ScratchDirectory("metrics")
        let configuration = try ParityConfiguration.parse(
            yaml: """
                sources:
                  legacy: { dsn: "host=127.0.0.1 port=1 dbname=legacy" }
                  new: { dsn: "host=127.0.0.1 port=1 dbname=modern" }
                tables: []
                """,
            file: "parity.yaml", environment: [:])
        let path = scratch.file("parity.sqlite")
        let store = try ParityStore.open(path: path)
        let metrics = ServiceMetrics(mappings: [])
        #expect(metric("parity_store_readable", in: metrics.render(states: [], store: store, configuration: configuration)) == 1)

        // Another process damages the schema under the running service: the cycle table is gone.
        var waiting = Configuration()
        waiting.busyMode = .timeout(ParityStore.busyTimeout)
        let queue = try DatabaseQueue(path: path, configuration: waiting)
        try queue.writeWithoutTransaction { db in try db.execute(sql: "DROP TABLE cycle_table; DROP TABLE cycle") }
        #expect(metric("parity_store_readable", in: metrics.render(states: [], store: store, configuration: configuration)) == 0)
    }

    @Test("parity_capture_slot_readable says whether the slot was read: 0 for a source that cannot be read and for a dropped slot, whose retained WAL is 0")
    func slotReadable() throws {
        let cluster = try PostgresCluster.start(settings: ["wal_level": "logical"])
        defer { cluster.stop() }
        try cluster.run("SELECT pg_create_logical_replication_slot('parity_legacy', 'pgoutput')")
        let scratch = try ScratchDirectory("metrics")
        let configuration = try ParityConfiguration.parse(
            yaml: """
                sources:
                  legacy: { dsn: "\(cluster.dsn())", slot: parity_legacy }
                  new: { dsn: "host=127.0.0.1 port=1 dbname=modern connect_timeout=2" }
                tables: []
                """,
            file: "parity.yaml", environment: [:])
        let store = try ParityStore.open(path: scratch.file("parity.sqlite"))
        for side in SourceSide.allCases {
            try store.recordInitialized(SourceRecord(
                side: side, slot: "parity_\(side.rawValue)", publications: [], systemIdentifier: "7300000000000000001", database: "postgres",
                consistentPoint: 100, checkpointLSN: 100, watermark: 0, initializedAt: 1))
        }
        let metrics = ServiceMetrics(mappings: [])
        let start = Date(timeIntervalSince1970: 1_795_000_000)
        let first = metrics.render(states: [], store: store, configuration: configuration, now: start)
        #expect(metric(#"parity_capture_slot_readable{source="legacy"}"#, in: first) == 1, "\(first)")
        #expect(metric(#"parity_capture_slot_retained_wal_bytes{source="legacy"}"#, in: first) ?? -1 >= 0)
        #expect(metric(#"parity_capture_slot_readable{source="new"}"#, in: first) == 0, "the new source refuses connections")

        // The slot is dropped under the service: read again once the read interval has passed, it retains nothing.
        try cluster.run("SELECT pg_drop_replication_slot('parity_legacy')")
        let cached = metrics.render(states: [], store: store, configuration: configuration, now: start.addingTimeInterval(1))
        #expect(metric(#"parity_capture_slot_readable{source="legacy"}"#, in: cached) == 1, "read at most every 30 s")
        let later = metrics.render(
            states: [], store: store, configuration: configuration, now: start.addingTimeInterval(ServiceMetrics.slotReadInterval + 1))
        #expect(metric(#"parity_capture_slot_readable{source="legacy"}"#, in: later) == 0, "\(later)")
        #expect(metric(#"parity_capture_slot_retained_wal_bytes{source="legacy"}"#, in: later) == 0)
    }
}
