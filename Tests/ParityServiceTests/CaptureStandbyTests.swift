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
        var logger = Logger(label: "parity") { label in
            JSONLogHandler(label: label) { line in lines.withLock { $0.append(line) } }
        }
        logger.logLevel = .debug
        var standby = CaptureStandby(configuration: configuration, store: store, side: .legacy, captures: CaptureStates(), logger: logger)
        standby.interval = .milliseconds(200)
        let running = Task { [standby] in try await standby.run() }
        defer { running.cancel() }

        // Every try fails the same way: logged as an error once, then at debug level.
        let failures = { lines.withLock { $0.filter { $0.contains("capture could not run") } } }
        let failed = await eventually(within: 300) { failures().count >= 3 }
        #expect(failed, "\(lines.withLock { $0 })")
        #expect(failures().filter { $0.contains(#""level":"error""#) }.count == 1, "\(failures())")
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

    @Test("a capture whose stream fails once started releases the lock and stands by; its next try resumes from the durable position, nothing lost")
    func failedStreamHandsOver() async throws {
        let database = try SharedCluster.newDatabase("standby_stream")
        let scenario = try ServiceScenario(storeURL: database.url)
        defer { scenario.stop() }
        guard let store = scenario.store as? PostgresStore else { throw ClusterError("the scenario's store is not PostgreSQL", fix: "") }
        let lines = Mutex<[String]>([])
        let logger = Logger(label: "parity") { label in
            JSONLogHandler(label: label) { line in lines.withLock { $0.append(line) } }
        }
        func logged(_ text: String) -> Bool { lines.withLock { $0.contains { $0.contains(text) } } }
        // The store refuses what capture writes for each source transaction: the stream's consumer fails, which no
        // reconnect cures.
        let admin = try database.connect()
        defer { admin.close() }
        _ = try admin.query("""
            CREATE FUNCTION refuse_capture() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$
            """)
        _ = try admin.query("CREATE TRIGGER refuse BEFORE INSERT ON transaction_write FOR EACH ROW EXECUTE FUNCTION refuse_capture()")

        var standby = CaptureStandby(
            configuration: scenario.configuration, store: store, side: .legacy, captures: CaptureStates(), logger: logger)
        standby.interval = .milliseconds(200)
        let running = Task { [standby] in try await standby.run() }
        defer { running.cancel() }
        #expect(await eventually(within: 120) { logged("capture lock taken") }, "\(lines.withLock { $0 })")
        try scenario.legacy.run("INSERT INTO orders VALUES (500, 'open', 5.00)", database: "legacy")
        let handedOver = await eventually(within: 300) { logged("capture stopped by its failure; releasing the capture lock") }
        #expect(handedOver, "\(lines.withLock { $0 })")
        #expect(try !scenario.storedKeys(.legacy).contains(#"["500"]"#))

        _ = try admin.query("DROP TRIGGER refuse ON transaction_write")
        let resumed = try await eventually(within: 300) { try scenario.storedKeys(.legacy) == scenario.sourceKeys(.legacy) }
        #expect(resumed, "the capture's next try did not bring the store up to the source")
        #expect(try store.lockCapture(side: .legacy, holder: "another worker") == nil, "the capture runs again and holds its lock")
        running.cancel()
        _ = try? await running.value  // the capture stops before its clusters do
    }
}
