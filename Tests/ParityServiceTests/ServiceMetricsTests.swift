import Foundation
import GRDB
import ParityConfig
import ParityModel
@testable import ParityService
import ParityStore
import ParityTestSupport
import PostgresStore
import Testing

@Suite("Service metrics")
struct ServiceMetricsTests {
    /// A config without mappings: `legacy` as its legacy source, and a new source that refuses connections.
    static func configuration(legacy: String = #"{ dsn: "host=127.0.0.1 port=1 dbname=legacy connect_timeout=2" }"#) throws -> ParityConfiguration {
        try ParityConfiguration.parse(
            yaml: """
                sources:
                  legacy: \(legacy)
                  new: { dsn: "host=127.0.0.1 port=1 dbname=modern connect_timeout=2" }
                tables: []
                """,
            file: "parity.yaml", environment: [:])
    }

    @Test("parity_store_readable is 1 while the store reads and 0 once a read fails, instead of series silently kept")
    func storeReadable() throws {
        let scratch = try ScratchDirectory("metrics")
        let configuration = try Self.configuration()
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
        let configuration = try Self.configuration(legacy: #"{ dsn: "\#(cluster.dsn())", slot: parity_legacy }"#)
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

    @Test("the oldest open difference's age runs from the end of the cycle that first saw it; the last cycle's series are the latest's")
    func openDifferenceAge() throws {
        let scratch = try ScratchDirectory("metrics")
        let configuration = try Self.configuration()
        let store = try ParityStore.open(path: scratch.file("parity.sqlite"))
        let hour: Int64 = 3_600_000_000
        let origin: Int64 = 1_795_000_000_000_000
        func finding(_ id: String, _ kind: FindingKind) -> Finding {
            Finding(mapping: "orders", key: ["id": id], column: kind == .valueMismatch ? "amount" : nil, newColumn: nil, kind: kind,
                    legacy: nil, new: nil, disposition: nil, ruleNote: nil)
        }
        // Cycle 1 finds order 1 missing in new; cycle 2 still does, and finds order 2's amount differing.
        let verdicts: [Int64: [DifferenceVerdict]] = [
            1: [DifferenceVerdict(mapping: "orders", canonicalKey: CanonicalKey(#"["1"]"#), findings: [finding("1", .missingInNew)])],
            2: [DifferenceVerdict(mapping: "orders", canonicalKey: CanonicalKey(#"["1"]"#), findings: [finding("1", .missingInNew)]),
                DifferenceVerdict(mapping: "orders", canonicalKey: CanonicalKey(#"["2"]"#), findings: [finding("2", .valueMismatch)])],
        ]
        for id: Int64 in 0...2 {
            let cycle = CycleRecord(
                id: id, label: "hour \(id)", start: origin + (id - 1) * hour, end: origin + id * hour, status: .closed,
                closedAt: origin + id * hour + 60_000_000, keysCompared: 2, unexplainedRate: "0.500000")
            try store.closeCycle(id: id, foldBefore: nil) { _ in
                var close = CycleClose(cycle: cycle, tables: [], findings: [], carried: [])
                close.differences = verdicts[id] ?? []
                return close
            }
        }
        let metrics = ServiceMetrics(mappings: ["orders"])
        let now = StoreTime.date(origin + 2 * hour + 90_000_000)
        let text = metrics.render(states: [], store: store, configuration: configuration, now: now)
        #expect(metric(#"parity_open_differences{mapping="orders",kind="missing_in_new"}"#, in: text) == 1, "\(text)")
        #expect(metric(#"parity_open_differences{mapping="orders",kind="value_mismatch"}"#, in: text) == 1)
        let age = try #require(metric(#"parity_open_difference_oldest_age_seconds{mapping="orders"}"#, in: text))
        #expect(abs(age - (3_600 + 90)) < 0.001, "since cycle 1's end: \(age)")
        #expect(metric("parity_last_cycle_id", in: text) == 2)
        #expect(metric("parity_last_cycle_end_timestamp_seconds", in: text) == Double(origin + 2 * hour) / 1_000_000)
    }

    @Test("parity_fold_waiting_seconds runs from the last close while its changes wait to be folded, and is 0 once folded")
    func foldWaiting() throws {
        let configuration = try Self.configuration()
        let store = try PostgresStore.open(url: try SharedCluster.newDatabase("metrics").url, partitions: 16)
        let origin: Int64 = 1_795_000_000_000_000, second: Int64 = 1_000_000
        try store.recordInitialized(SourceRecord(
            side: .legacy, slot: "parity_legacy", publications: ["parity_legacy"], systemIdentifier: "7300000000000000001", database: "legacy",
            consistentPoint: 100, checkpointLSN: 100, watermark: 0, initializedAt: 1))
        try store.insertBaseline(side: .legacy, mapping: "orders", rows: [(key: ["1"], values: ["id": "1", "amount": "1.00"])], lsn: 100)
        let change = CapturedChange(
            table: "public.orders", mapping: "orders", operation: .update, key: ["1"], oldKey: nil, values: ["id": .value("1"), "amount": .value("1.10")])
        try store.apply([CapturedTransaction(xid: 7, commitLSN: 192, endLSN: 200, commitTime: origin + second, changes: [change])], side: .legacy)
        let cycle = CycleRecord(
            id: 1, label: "cycle 1", start: origin, end: origin + 10 * second, status: .closed, closedAt: origin + 11 * second, keysCompared: 1,
            unexplainedRate: "0")
        try store.closeCycle(id: 1, foldBefore: cycle.end) { _ in CycleClose(cycle: cycle, tables: [], findings: [], carried: []) }

        let metrics = ServiceMetrics(mappings: [])
        let now = StoreTime.date(cycle.closedAt + 90 * second)
        let waiting = metric("parity_fold_waiting_seconds", in: metrics.render(states: [], store: store, configuration: configuration, now: now))
        #expect(waiting.map { abs($0 - 90) < 0.001 } == true, "\(String(describing: waiting))")
        #expect(try store.foldClosedChanges() == 1)
        #expect(metric("parity_fold_waiting_seconds", in: metrics.render(states: [], store: store, configuration: configuration, now: now)) == 0)
    }
}
