import Foundation
import GRDB
import ParityConfig
@testable import ParityEngine
@testable import ParityStore
import ParityModel
import ParityTestSupport
import PostgresClient
import Synchronization
import Testing

/// Large source transactions, which the servers stream in blocks before they end
/// (`logical_decoding_work_mem` is set to its minimum so that modest transactions stream).
@Suite("Capture of streamed transactions against real clusters")
struct StreamedCaptureTests {
    static let streaming = ["logical_decoding_work_mem": "'64kB'"]

    /// Orders 100…(100 + count - 1), every hundredth with a TOASTed note; then updates that leave
    /// those notes unchanged (`u`) and updates of TOASTed notes, all in one transaction.
    static func largeTransaction(rows count: Int) -> String {
        """
        BEGIN;
        INSERT INTO orders SELECT g, 'O', g, CASE WHEN g % 100 = 0 THEN repeat(md5(g::text), 80) ELSE 'n' || g END, NULL
            FROM generate_series(100, \(99 + count)) g;
        UPDATE orders SET status = 'P', amount = amount + 0.5 WHERE id % 10 = 0 OR id = 3;
        UPDATE orders SET note = repeat(md5(id::text), 90) WHERE id % 700 = 0;
        INSERT INTO lines SELECT g, 10, g, 0.125 FROM generate_series(1, \(count / 10)) g;
        DELETE FROM lines WHERE order_id % 3 = 0;
        COMMIT;
        """
    }

    static let toastedRow = "INSERT INTO orders VALUES (3, 'O', 3.00, repeat('t', 9000), NULL)"

    static func expectEqual(_ scenario: CaptureScenario, sides: [SourceSide] = SourceSide.allCases) throws {
        for side in sides {
            #expect(try scenario.mismatches(side, mapping: "orders", table: "orders", key: ["id"]).prefix(5) == [])
            #expect(try scenario.mismatches(side, mapping: "lines", table: "lines", key: ["order_id", "line_no"]).prefix(5) == [])
        }
    }

    static func stagedCount(_ scenario: CaptureScenario) throws -> Int {
        try scenario.store.read { db in
            try Int.fetchOne(db, sql: """
                SELECT count(*) FROM streamed_change JOIN streamed_transaction USING (stream) WHERE commit_lsn IS NULL
                """)
        } ?? -1
    }

    @Test("a streamed transaction of 200k rows with TOASTed updates arrives exactly once")
    func largeTransactionArrivesOnce() throws {
        let scenario = try CaptureScenario(legacySettings: Self.streaming, newSettings: Self.streaming)
        defer { scenario.stop() }
        let session = try CaptureSession(configuration: scenario.configuration, store: scenario.store, statusInterval: .milliseconds(200))
        session.start()
        defer { session.stop() }
        for side in SourceSide.allCases {
            try scenario.cluster(side).run(Self.toastedRow, database: scenario.database(side))
        }
        try scenario.legacy.run(Self.largeTransaction(rows: 200_000), database: "legacy")
        try scenario.new.run(Self.largeTransaction(rows: 20_000), database: "modern")
        try session.waitUntilCaughtUp(configuration: scenario.configuration, timeout: .seconds(300))
        try Self.expectEqual(scenario)
        let legacy = try #require(session.states.first { $0.side == .legacy }?.state)
        #expect(legacy.transactionsApplied == 2)
        #expect(legacy.changesApplied > 200_000)
        #expect(try Self.stagedCount(scenario) == 0)
        let streamed = try scenario.legacy.connect(database: "legacy").query(
            "SELECT stream_txns::text AS n FROM pg_stat_replication_slots").singleRow().decode(String.self, "n")
        #expect(Int(streamed) ?? 0 >= 1, "the transaction was not streamed")
    }

    @Test("a rolled-back streamed transaction leaves nothing; a rolled-back savepoint only its own changes")
    func rollbacks() throws {
        let scenario = try CaptureScenario(legacySettings: Self.streaming)
        defer { scenario.stop() }
        let session = try CaptureSession(configuration: scenario.configuration, store: scenario.store, statusInterval: .milliseconds(200))
        session.start()
        defer { session.stop() }
        try scenario.legacy.run("""
            BEGIN;
            INSERT INTO orders SELECT g, 'O', g, 'rolled back', NULL FROM generate_series(100, 20099) g;
            UPDATE orders SET amount = 0 WHERE id = 1;
            ROLLBACK;
            """, database: "legacy")
        try scenario.legacy.run("""
            BEGIN;
            INSERT INTO orders SELECT g, 'O', g, 'kept', NULL FROM generate_series(100, 10099) g;
            SAVEPOINT a;
            INSERT INTO orders SELECT g, 'X', g, 'rolled back', NULL FROM generate_series(20000, 29999) g;
            UPDATE orders SET status = 'X' WHERE id < 5000;
            ROLLBACK TO SAVEPOINT a;
            UPDATE orders SET status = 'P' WHERE id % 2 = 0;
            SAVEPOINT b;
            INSERT INTO lines SELECT g, 10, g, 1.000 FROM generate_series(1, 5000) g;
            RELEASE SAVEPOINT b;
            COMMIT;
            """, database: "legacy")
        try session.waitUntilCaughtUp(configuration: scenario.configuration, timeout: .seconds(120))
        try Self.expectEqual(scenario, sides: [.legacy])
        #expect(try scenario.store.currentImages(side: .legacy, mapping: "orders").count == 10_002)
        #expect(try Self.stagedCount(scenario) == 0)
        #expect(session.states.first { $0.side == .legacy }?.state.transactionsApplied == 1)
    }

    @Test("capture killed with SIGKILL while a large transaction streams and commits loses and doubles nothing")
    func killedMidStream() throws {
        let scenario = try CaptureScenario(legacySettings: Self.streaming, newSettings: Self.streaming)
        defer { scenario.stop() }
        try scenario.legacy.run(Self.toastedRow, database: "legacy")
        let failure = Mutex<String?>(nil)
        let writer = Thread {
            do {
                try scenario.legacy.run(Self.largeTransaction(rows: 150_000), database: "legacy")
            } catch {
                failure.withLock { $0 = "\(error)" }
            }
        }
        writer.start()
        var killed = 0
        var killedWhileStaged = 0
        while !writer.isFinished || killed < 3 {
            let capture = try RunningProcess([ParityBinary.path, "capture", "--config", scenario.configPath])
            usleep(UInt32.random(in: 300_000...1_500_000))
            capture.send(SIGKILL)
            if capture.wait() == 128 + SIGKILL { killed += 1 }
            if try Self.stagedCount(scenario) > 0 { killedWhileStaged += 1 }
        }
        #expect(killed >= 3)
        #expect(killedWhileStaged >= 1, "no kill landed while changes were staged")
        #expect(failure.withLock { $0 } == nil)
        let final = try ParityBinary.run(["capture", "--config", scenario.configPath, "--until-caught-up", "--timeout", "5m"])
        #expect(final.status == 0, "\(final.output)")
        try Self.expectEqual(scenario, sides: [.legacy])
        #expect(try Self.stagedCount(scenario) == 0)
    }
}

@Suite("Capture of a large transaction the server does not stream")
struct LargeUnstreamedCaptureTests {
    @Test("a 30k-row Begin/Commit transaction with unchanged-TOAST updates is staged in chunks and lands exactly")
    func chunkedBeginCommitTransaction() throws {
        // The default logical_decoding_work_mem (64MB) sends this transaction unstreamed; the assembler
        // hands it on in chunks of 10,000 changes instead of holding it whole.
        let scenario = try CaptureScenario()
        defer { scenario.stop() }
        let session = try CaptureSession(configuration: scenario.configuration, store: scenario.store, statusInterval: .milliseconds(200))
        session.start()
        defer { session.stop() }
        try scenario.legacy.run("""
            BEGIN;
            INSERT INTO orders SELECT g, 'O', g, CASE WHEN g % 1000 = 0 THEN repeat(md5(g::text), 400) END, NULL
              FROM generate_series(100, 30099) g;
            UPDATE orders SET amount = amount + 1 WHERE id % 1000 = 0;
            DELETE FROM orders WHERE id BETWEEN 200 AND 299;
            COMMIT;
            """, database: "legacy")
        try session.waitUntilCaughtUp(configuration: scenario.configuration, timeout: .seconds(120))
        #expect(try scenario.mismatches(.legacy, mapping: "orders", table: "orders", key: ["id"]) == [])
        let images = try scenario.store.currentImages(side: .legacy, mapping: "orders")
        #expect(images[ExactText(RowJSON.key(["1000"]))]?["note"] == .some(String(repeating: "a9b7ba70783b617e9998dc4dd82eb3c5", count: 400)))
        #expect(images[ExactText(RowJSON.key(["1000"]))]?["amount"] == .some("1001.00"))
    }
}
