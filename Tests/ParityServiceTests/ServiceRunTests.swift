import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import ParityConfig
import ParityService
import Synchronization
import Testing

@Suite("parity run in process: scheduled closes, API, metrics, readiness across a database restart")
struct ServiceRunTests {
    @Test("two short cycles close on schedule and show in /api/v1/cycles and /metrics; a restart of new drops /readyz and recovers with no change lost")
    func scheduledClosesAndRestart() async throws {
        let scenario = try ServiceScenario()
        defer { scenario.stop() }
        let application = try buildApplication(configuration: scenario.configuration, store: scenario.store, logger: Logger(label: "test"))
        try await application.test(.live) { client in
            #expect(try await eventually(within: 30) { try await client.get("/readyz").status == 200 })
            var id = 100
            var twoClosed = false
            let deadline = Date().addingTimeInterval(45)
            while !twoClosed, Date() < deadline {
                id += 1
                #expect(scenario.shadowWrite(id: id))
                twoClosed = try await client.get("/api/v1/cycles").body.contains(#""id" : 2,"#)
                try await Task.sleep(for: .milliseconds(300))
            }
            #expect(twoClosed, "two cycles after the baseline did not close on schedule")
            // verify.schedule (weekly by default): the service verified the store against both sources when it started.
            let verified = await eventually(within: 30) { (try? scenario.store.lastVerification(mode: .sources)) != nil }
            #expect(verified, "no scheduled verify --sources was recorded")
            #expect(try scenario.store.lastVerification(mode: .sources)?.passed == true)
            let cycles = try await client.get("/api/v1/cycles")
            #expect(cycles.status == 200 && cycles.body.contains(#""schema" : "parity.cycles/1""#))
            let first = try await client.get("/api/v1/cycles/1")
            #expect(first.status == 200 && first.body.contains(#""schema" : "parity.eod/1""#))
            #expect(first.body.contains(#""unexplained_rate" : "0"#), "\(first.body)")
            let html = try await client.get("/reports/eod/1.html")
            #expect(html.status == 200 && html.body.contains("<html"))
            let metrics = try await client.get("/metrics").body
            #expect(metric(#"parity_cycles_closed_total{status="closed"}"#, in: metrics) ?? 0 >= 2, "\(metrics)")
            #expect(metric(#"parity_capture_changes_total{source="legacy"}"#, in: metrics) ?? 0 >= 1)
            #expect(metric(#"parity_capture_commit_to_durable_seconds_count{source="legacy"}"#, in: metrics) ?? 0 >= 1, "\(metrics)")
            #expect(metric(#"parity_capture_commit_to_durable_seconds_bucket{source="legacy",le="+Inf"}"#, in: metrics) ?? 0 >= 1)
            #expect(metric(#"parity_capture_slot_retained_wal_bytes{source="new"}"#, in: metrics) ?? -1 >= 0)
            #expect(metric(#"parity_build_info{version="0.1.0"}"#, in: metrics) == 1)
            #expect(metric("parity_last_cycle_closed_timestamp_seconds", in: metrics) ?? 0 > 1_000_000_000)
            #expect(metric("parity_store_readable", in: metrics) == 1)
            #expect(try Promtool.check(["metrics"], input: metrics) == "", "promtool check metrics")
            for family in ServiceMetricNames.all { #expect(metrics.contains("# TYPE \(family) "), "\(family) is not exposed") }
            #expect(metric("parity_last_cycle_id", in: metrics) ?? 0 >= 2)
            #expect(metric(#"parity_last_cycle_findings{kind="value_mismatch"}"#, in: metrics) == 0)
            #expect(metric("parity_last_cycle_unexplained_rate", in: metrics) == 0)
            #expect(metric(#"parity_open_differences{mapping="orders",kind="missing_in_new"}"#, in: metrics) == 0)

            // An order only legacy receives: once a cycle closes over it, the ledger serves it and the gauges count it.
            try scenario.legacy.run("INSERT INTO orders VALUES (9999, 'open', 1.00)", database: "legacy")
            var listed = false
            let listedBy = Date().addingTimeInterval(30)
            while !listed, Date() < listedBy {
                id += 1
                #expect(scenario.shadowWrite(id: id))
                listed = try await client.get("/api/v1/differences?mapping=orders&kind=missing_in_new").body.contains(#""id" : "9999""#)
                try await Task.sleep(for: .milliseconds(300))
            }
            #expect(listed, "the open difference never reached /api/v1/differences")
            let open = try await client.get("/api/v1/differences")
            #expect(open.status == 200 && open.body.contains(#""schema" : "parity.open/1""#) && open.body.contains(#""total_unexplained" : 1"#))
            #expect(try await client.get("/api/v1/differences?kind=nonsense").status == 400)
            let gauges = try await client.get("/metrics").body
            #expect(metric(#"parity_open_differences{mapping="orders",kind="missing_in_new"}"#, in: gauges) == 1, "\(gauges)")
            #expect(metric(#"parity_open_difference_oldest_age_seconds{mapping="orders"}"#, in: gauges) ?? -1 >= 0)

            let restart = Task.detached { try scenario.new.restart() }
            let dropped = try await eventually(within: 30) {
                let ready = try await client.get("/readyz")
                return ready.status == 503 && ready.body.contains("new:")
            }
            try await restart.value
            #expect(dropped, "/readyz never reported new as not streaming during its restart")
            #expect(try await eventually(within: 60) { try await client.get("/readyz").status == 200 }, "/readyz did not recover")
            for _ in 0..<5 {
                id += 1
                #expect(scenario.shadowWrite(id: id))
            }
            let caughtUp = try await eventually(within: 30) {
                try scenario.storedKeys(.new) == scenario.sourceKeys(.new) && scenario.storedKeys(.legacy) == scenario.sourceKeys(.legacy)
            }
            #expect(caughtUp, "the store does not hold every row of both sources after the restart")
            #expect(try scenario.storedKeys(.new).count == id - 100 + 2)
            let after = try await client.get("/metrics").body
            #expect(metric(#"parity_capture_reconnects_total{source="new"}"#, in: after) ?? 0 >= 1)
        }
    }

    @Test("verify.schedule: off keeps the service running (a finished service would end the group); http.listen port 0 is warned about")
    func scheduleOff() async throws {
        let scenario = try ServiceScenario()
        defer { scenario.stop() }
        var configuration = scenario.configuration
        configuration.verify.schedule = .off
        configuration.http.listen.port = 0
        let lines = Mutex<[String]>([])
        let logger = Logger(label: "test") { label in
            JSONLogHandler(label: label) { line in lines.withLock { $0.append(line) } }
        }
        let application = try buildApplication(configuration: configuration, store: scenario.store, logger: logger)
        let warnings = lines.withLock { $0 }.filter { $0.contains("http.listen has port 0") }
        #expect(warnings.count == 1, "\(lines.withLock { $0 })")
        #expect(warnings.first?.contains(#""level":"warning""#) == true, "\(warnings)")
        try await application.test(.live) { client in
            #expect(try await eventually(within: 30) { try await client.get("/readyz").status == 200 })
            try await Task.sleep(for: .seconds(2))  // about real time: the group would have ended by now
            #expect(try await client.get("/healthz").status == 200)
            #expect(try scenario.store.lastVerification(mode: .sources) == nil, "nothing scheduled")
        }
    }
}
