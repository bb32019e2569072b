import Foundation
import GRDB
import ParityConfig
@testable import ParityService
import ParityStore
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
}
