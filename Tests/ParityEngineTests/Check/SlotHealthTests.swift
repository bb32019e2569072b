import Foundation
import ParityConfig
import ParityEngine
import ParityTestSupport
import PostgresClient
import Reconciliation
import SourceQueries
import Testing

/// Issue 30: a slot PostgreSQL invalidated, a slot dropped and created again behind Parity's back, and a slot another
/// capture holds are recognised by check, capture, status and the gate, with what to do.
@Suite("Slot health everywhere it matters")
struct SlotHealthTests {
    /// Writes WAL past `max_slot_wal_keep_size` (1MB here) with the slot inactive, then checkpoints: PostgreSQL invalidates it.
    func invalidate(_ cluster: PostgresCluster, slot: String) throws {
        try cluster.run("CREATE TABLE filler (x text)", database: "legacy")
        for _ in 0..<12 {
            try cluster.run("INSERT INTO filler SELECT repeat('x', 1000) FROM generate_series(1, 2000)", database: "legacy")
            try cluster.run("SELECT pg_switch_wal()", database: "legacy")
            try cluster.run("CHECKPOINT", database: "legacy")
            let status = try cluster.connect(database: "legacy").query(
                "SELECT wal_status FROM pg_replication_slots WHERE slot_name = \(slot)").rows.first?["wal_status"] ?? nil
            if status == "lost" { return }
        }
        throw ClusterError("the slot was not invalidated", fix: "check max_slot_wal_keep_size")
    }

    @Test("a lost slot: check fails it, capture exits 3 with the re-baseline commands, a stream on it stops with PostgreSQL's detail, status exits 3")
    func lostSlot() throws {
        let scenario = try CaptureScenario(legacySettings: ["max_slot_wal_keep_size": "'1MB'"])
        defer { scenario.stop() }
        let caughtUp = try ParityBinary.run(["capture", "--until-caught-up", "--timeout", "60s", "--config", scenario.configPath])
        #expect(caughtUp.status == 0, "\(caughtUp.output)")
        let healthy = try ParityBinary.run(["status", "--config", scenario.configPath])
        #expect(healthy.status == 0 && healthy.output.hasPrefix("HEALTHY"), "\(healthy.output)")
        let slot = try #require(try scenario.store.sourceRecord(side: .legacy)).slot
        try invalidate(scenario.legacy, slot: slot)

        let check = try ParityBinary.run(["check", "--config", scenario.configPath])
        #expect(check.status != 0)
        #expect(check.output.contains("replication slot \(slot) is lost (wal_status = lost)"), "\(check.output)")
        #expect(check.output.contains("parity teardown --config \(scenario.configPath)"))
        let capture = try ParityBinary.run(["capture", "--until-caught-up", "--timeout", "60s", "--config", scenario.configPath])
        #expect(capture.status == 3)
        #expect(capture.output.contains("is lost") && capture.output.contains("take a new baseline"), "\(capture.output)")
        #expect(!capture.output.contains("resumes from"))
        let status = try ParityBinary.run(["status", "--config", scenario.configPath])
        #expect(status.status == 3 && status.output.hasPrefix("FAILED") && status.output.contains("slot problem"), "\(status.output)")

        // Without the check at start (a slot invalidated while capture ran), the stream fails on START_REPLICATION: the
        // error carries PostgreSQL's detail and the re-baseline, not "it resumes".
        let session = try CaptureSession(configuration: scenario.configuration, store: scenario.store, statusInterval: .milliseconds(200))
        session.start()
        defer { session.stop() }
        let deadline = Date().addingTimeInterval(60)
        while session.failure == nil, Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        let failure = try #require(session.failure)
        #expect(failure.code == .replicationUnusable && failure.source == "legacy")
        #expect(failure.message.contains("maximum reserved size"), "\(failure.message)")
        #expect(failure.fix.hasPrefix("take a new baseline"))
    }

    @Test("a slot held by another capture is named with its holder; a slot recreated behind Parity's back fails check, capture and status")
    func heldAndRecreated() throws {
        let scenario = try CaptureScenario()
        defer { scenario.stop() }
        let running = try CaptureSession(configuration: scenario.configuration, store: scenario.store, statusInterval: .milliseconds(200))
        running.start()
        try running.waitUntilCaughtUp(configuration: scenario.configuration, timeout: .seconds(60))
        let second = try CaptureSession(configuration: scenario.configuration, store: scenario.store)
        #expect {
            try second.checkSlots(configuration: scenario.configuration, wait: .seconds(1))
        } throws: { error in
            let message = (error as? EngineError)?.message ?? ""
            return message.contains("is held by another client (PID ") && message.contains("not released in")
        }
        running.stop()
        // Once the holder stopped, the same check passes.
        try second.checkSlots(configuration: scenario.configuration, wait: .seconds(15))

        let slot = try #require(try scenario.store.sourceRecord(side: .legacy)).slot
        try scenario.legacy.run("INSERT INTO orders VALUES (7, 'O', 1.00, 'lost change', NULL)", database: "legacy")
        try scenario.legacy.run("SELECT pg_drop_replication_slot('\(slot)')", database: "legacy")
        try scenario.legacy.run("INSERT INTO heap_log VALUES (1, 'more WAL')", database: "legacy")
        try scenario.legacy.run("SELECT pg_create_logical_replication_slot('\(slot)', 'pgoutput')", database: "legacy")

        let check = try ParityBinary.run(["check", "--config", scenario.configPath])
        #expect(check.status != 0 && check.output.contains("slot_health") && check.output.contains("dropped and"), "\(check.output)")
        let capture = try ParityBinary.run(["capture", "--until-caught-up", "--timeout", "60s", "--config", scenario.configPath])
        #expect(capture.status == 3 && capture.output.contains("created again"), "\(capture.output)")
        let status = try ParityBinary.run(["status", "--format", "json", "--config", scenario.configPath])
        #expect(status.status == 3 && status.output.contains(#""exit_code" : 3"#) && status.output.contains("created again"), "\(status.output)")
    }

    @Test("parity capture says why it reconnects (a walsender terminated), and when it streams again")
    func reconnectReasons() throws {
        let scenario = try CaptureScenario()
        defer { scenario.stop() }
        let capture = try RunningProcess([ParityBinary.path, "capture", "--config", scenario.configPath])
        defer { capture.send(SIGKILL); _ = capture.wait() }
        let deadline = Date().addingTimeInterval(60)
        let walsender: PostgresQuery = "SELECT pg_terminate_backend(active_pid) FROM pg_replication_slots WHERE active_pid IS NOT NULL"
        var terminated = false
        while !terminated, Date() < deadline {
            let connection = try scenario.legacy.connect(database: "legacy")
            terminated = try !connection.query(walsender).rows.isEmpty
            connection.close()
            if !terminated { Thread.sleep(forTimeInterval: 0.2) }
        }
        #expect(terminated)
        while !capture.output.contains("streaming again"), Date() < deadline { Thread.sleep(forTimeInterval: 0.2) }
        let output = capture.output
        #expect(output.contains("legacy: connection lost or refused (") && output.contains("reconnecting, attempt 1"), "\(output)")
        #expect(output.contains("legacy: streaming again from "), "\(output)")
    }
}
