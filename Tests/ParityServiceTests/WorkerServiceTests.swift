import Foundation
import Logging
import ParityService
import ParityTestSupport
import PostgresStore
import ServiceLifecycle
import Testing

@Suite("parity worker in process: what every worker serves, and the scheduled verification taken in turn")
struct WorkerServiceTests {
    @Test("two workers sharing a store: one verifies on schedule; each one's /metrics shows both sources streaming, their lag and the gate after a close; their close counts add up")
    func twoWorkers() async throws {
        let database = try SharedCluster.newDatabase("worker_service")
        let scenario = try ServiceScenario(storeURL: database.url)
        defer { scenario.stop() }
        var ports = [try FreePort.pick()]
        while ports.count < 2 { if let port = try? FreePort.pick(), !ports.contains(port) { ports.append(port) } }
        let groups = try ports.map { port in
            var configuration = scenario.configuration
            configuration.http.listen.port = port
            let services = try buildWorker(
                configuration: configuration, store: try PostgresStore.open(url: database.url), http: true, logger: Logger(label: "test"))
            return ServiceGroup(configuration: ServiceGroupConfiguration(services: services, logger: Logger(label: "test")))
        }
        let running = groups.map { group in Task { try await group.run() } }
        do {
            try await check(scenario, database: database, ports: ports)
        } catch {
            Issue.record(error)
        }
        for group in groups { await group.triggerGracefulShutdown() }
        for task in running { try await task.value }
    }

    private func check(_ scenario: ServiceScenario, database: SharedDatabase, ports: [Int]) async throws {
        for port in ports {
            let ready = await eventually(within: 120) { await LoopbackHTTP.get(port: port, "/readyz")?.status == 200 }
            let readiness = await LoopbackHTTP.get(port: port, "/readyz")?.body ?? "no answer"
            #expect(ready, "worker on \(port) never ready: \(readiness)")
        }
        var id = 100
        let closed = try await eventually(within: 120) {
            id += 1
            scenario.shadowWrite(id: id)
            return try scenario.store.cycles().count >= 3
        }
        #expect(closed, "the workers did not close two cycles after the baseline")

        // verify.schedule (weekly by default): both workers looked when they started, under the store's lock; one verified.
        let verifications = { () throws -> Int64 in
            let connection = try database.connect()
            defer { connection.close() }
            return try connection.query("SELECT count(*) AS n FROM verification WHERE mode = 'sources'").singleRow().decode(Int64.self, "n")
        }
        #expect(try await eventually(within: 120) { try verifications() >= 1 }, "no scheduled verify --sources was recorded")
        try await Task.sleep(for: .seconds(5))  // about real time: a second worker verifying at the same time would have recorded by now
        #expect(try verifications() == 1, "the workers verified more than once")
        #expect(try scenario.store.lastVerification(mode: .sources)?.passed == true)

        var closes = 0.0
        for port in ports {
            let served = await eventually(within: 60) {
                guard let text = await LoopbackHTTP.get(port: port, "/metrics")?.body else { return false }
                return metric(#"parity_capture_streaming{source="legacy"}"#, in: text) == 1
                    && metric(#"parity_capture_streaming{source="new"}"#, in: text) == 1
                    && metric("parity_gate_result", in: text) != -1
            }
            let text = await LoopbackHTTP.get(port: port, "/metrics")?.body ?? ""
            #expect(served, "worker on \(port): \(text)")
            for side in ["legacy", "new"] {
                #expect(metric(#"parity_capture_lag_seconds{source="\#(side)"}"#, in: text) ?? -1 >= 0, "\(text)")
                #expect(metric(#"parity_capture_slot_retained_wal_bytes{source="\#(side)"}"#, in: text) ?? -1 >= 0, "\(text)")
            }
            #expect(metric("parity_last_cycle_id", in: text) ?? 0 >= 2)
            #expect(try Promtool.check(["metrics"], input: text) == "", "promtool check metrics")
            closes += metric(#"parity_cycles_closed_total{status="closed"}"#, in: text) ?? 0
        }
        #expect(closes >= 3, "the workers' parity_cycles_closed_total add up to \(closes)")
    }
}
