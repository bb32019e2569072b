import Logging
import ParityConfig
import ParityModel
import ParityStore
import ParityTestSupport
import PostgresStore
import Synchronization
import Testing

@testable import ParityService

@Suite("A worker's capture standby")
struct CaptureStandbyTests {
    @Test("a capture that cannot start releases the source's lock and stands by, without stopping the worker or logging secrets")
    func failedStartStandsBy() async throws {
        let database = try SharedCluster.newDatabase("standby")
        let store = try PostgresStore.open(url: database.url)
        let other = try PostgresStore.open(url: database.url)
        let configuration = try ParityConfiguration.parse(
            yaml: """
                sources:
                  legacy: { dsn: "host=127.0.0.1 port=1 dbname=legacy user=parity password=standby-secret connect_timeout=2" }
                  new: { dsn: "host=127.0.0.1 port=1 dbname=modern" }
                tables: []
                """, file: "parity.yaml", environment: [:])
        let lines = Mutex<[String]>([])
        let logger = Logger(label: "parity") { label in
            JSONLogHandler(label: label) { line in lines.withLock { $0.append(line) } }
        }
        var standby = CaptureStandby(configuration: configuration, store: store, side: .legacy, captures: CaptureStates(), logger: logger)
        standby.interval = .milliseconds(200)
        let running = Task { [standby] in try await standby.run() }
        defer { running.cancel() }

        let failed = await eventually(within: 300) { lines.withLock { $0.contains { $0.contains("capture could not run") } } }
        #expect(failed, "\(lines.withLock { $0 })")
        // Between its attempts the lock is free: another worker takes it, and this one then stands by.
        var lease: (any CaptureLease)?
        let taken = await eventually(within: 300) {
            lease = try? other.lockCapture(side: .legacy, holder: "another worker")
            return lease != nil
        }
        #expect(taken, "the lock stayed held after the capture failed")
        let standing = await eventually(within: 120) { lines.withLock { $0.contains { $0.contains("standing by to take over") } } }
        #expect(standing, "\(lines.withLock { $0 })")
        #expect(!lines.withLock { $0 }.contains { $0.contains("standby-secret") }, "the source's password was logged")
        running.cancel()
        withExtendedLifetime(lease) {}
    }
}
