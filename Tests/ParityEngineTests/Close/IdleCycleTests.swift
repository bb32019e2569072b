import Foundation
import ParityConfig
@testable import ParityEngine
import ParityTestSupport
import Reconciliation
import Testing

/// Issue 30, item 1: a legacy system is idle every night and weekend; its cycles must close on time anyway.
@Suite("Fully idle sources")
struct IdleCycleTests {
    @Test("with no write on either cluster, short cycles close on time at the production status interval")
    func idleCyclesCloseOnTime() throws {
        let scenario = try CaptureScenario(extraYAML: "cycle: { period: 6s, settle: 0s, grace: 0s }")
        defer { scenario.stop() }
        let session = try CaptureSession(configuration: scenario.configuration, store: scenario.store)  // 10 s status interval
        session.start()
        defer { session.stop() }
        _ = try CycleCloser.close(scenario.configuration, store: scenario.store)
        let calendar = try #require(CycleCalendar(scenario.configuration.cycle))
        // Nothing is written from here on, by the test or by Parity (no heartbeat is configured).
        var window = calendar.window(after: calendar.window(containing: Date()))
        for _ in 0..<2 {
            let deadline = window.end.addingTimeInterval(45)
            var closedAt: Date?
            while closedAt == nil, Date() < deadline {
                _ = try CycleCloser.close(scenario.configuration, store: scenario.store)
                if try scenario.store.cycles().contains(where: { $0.label == window.label }) { closedAt = Date() }
                Thread.sleep(forTimeInterval: 0.5)
            }
            let late = try #require(closedAt, "cycle \(window.label) did not close within 45 s of its end").timeIntervalSince(window.end)
            // The stream asks the silent server for its position after each 10 s status interval.
            #expect(late < 30, "cycle \(window.label) closed \(late) s after its end")
            window = calendar.window(after: window)
        }
        #expect(session.failure == nil)
    }

    @Test("a heartbeat writes a non-transactional logical message every interval; none is configured by default")
    func heartbeatWritesMessages() throws {
        let scenario = try CaptureScenario()
        defer { scenario.stop() }
        #expect(scenario.configuration.sources.legacy.heartbeat == nil)
        try scenario.legacy.run("SELECT pg_create_logical_replication_slot('heartbeat_probe', 'test_decoding')", database: "legacy")
        let heartbeat = Heartbeat(source: scenario.configuration.sources.legacy, side: .legacy, interval: .seconds(1))
        heartbeat.start()
        Thread.sleep(forTimeInterval: 2.5)
        heartbeat.stop()
        #expect(heartbeat.lastError == nil)
        let connection = try scenario.legacy.connect(database: "legacy")
        defer { connection.close() }
        let messages = try connection.query(
            "SELECT data FROM pg_logical_slot_peek_changes('heartbeat_probe', NULL, NULL) WHERE data LIKE 'message:%'"
        ).rows.compactMap { $0["data"] ?? nil }
        #expect(messages.count >= 2, "\(messages)")
        #expect(messages.allSatisfy { $0.hasPrefix("message: transactional: 0 prefix: parity.heartbeat") }, "\(messages)")
    }
}
