import Foundation
import Logging
import ParityEngine
import ParityService
import PostgresClient
import Synchronization
import Testing

@Suite("Capture logs as it happens")
struct CaptureLoggingTests {
    @Test("a walsender terminated: the reconnect and the recovery are logged with source, slot and LSN, however fast it recovers")
    func reconnectLogged() async throws {
        let scenario = try ServiceScenario()
        defer { scenario.stop() }
        let lines = Mutex<[String]>([])
        let logger = Logger(label: "parity") { label in
            JSONLogHandler(label: label) { line in lines.withLock { $0.append(line) } }
        }
        let session = try CaptureSession(configuration: scenario.configuration, store: scenario.store, logger: logger)
        session.start()
        defer { session.stop() }
        let streaming = await eventually(within: 30) { session.states.allSatisfy { $0.state.status == .streaming } }
        #expect(streaming)
        let connection = try scenario.legacy.connect(database: "legacy")
        defer { connection.close() }
        _ = try connection.query("SELECT pg_terminate_backend(active_pid) FROM pg_replication_slots WHERE active_pid IS NOT NULL")
        let recovered = await eventually(within: 30) { lines.withLock { $0.contains { $0.contains("streaming again") } } }
        #expect(recovered, "\(lines.withLock { $0 })")
        let events = try lines.withLock { $0 }.map { try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        let reconnect = try #require(events.first { ($0["message"] as? String)?.contains("reconnecting, attempt 1") == true })
        #expect(reconnect["level"] as? String == "warning" && reconnect["parity.source"] as? String == "legacy")
        #expect(reconnect["parity.attempt"] as? String == "1" && reconnect["parity.error"] != nil && reconnect["parity.lsn"] != nil)
        #expect((reconnect["message"] as? String)?.hasPrefix("connection lost or refused (") == true)
        let again = try #require(events.first { ($0["message"] as? String)?.hasPrefix("streaming again from ") == true })
        #expect(again["level"] as? String == "notice" && again["parity.source"] as? String == "legacy")
        #expect(again["parity.slot"] as? String == session.slots[.legacy])
    }
}
