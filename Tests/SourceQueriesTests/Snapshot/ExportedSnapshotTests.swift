import ParityConfig
import ParityTestSupport
import PostgresClient
import SourceQueries
import Testing

/// The snapshot `init` copies tables in and `verify --sources` reads in.
@Suite("Exported snapshots")
struct ExportedSnapshotTests {
    @Test("a snapshot's reader runs a statement longer than the source's statement_timeout: a table's copy lasts as long as the store takes")
    func noStatementTimeout() throws {
        let cluster = try PostgresCluster.start()
        defer { cluster.stop() }
        try cluster.createDatabase("legacy")
        let source = SourceConfiguration(side: .legacy, dsn: cluster.dsn(database: "legacy"), statementTimeout: .milliseconds(200))
        let plain = try PostgresConnection.connect(ConnectionOptions(source: source))
        defer { plain.close() }
        #expect(throws: PostgresError.self, "the source's own queries keep the timeout") { try plain.query("SELECT pg_sleep(1)") }

        let snapshot = try ExportedSnapshot(side: .legacy, source: source, slot: "parity_snapshot_test", temporary: true)
        let reader = try snapshot.reader(source)
        defer { reader.close(); snapshot.close() }
        #expect(try reader.query("SHOW statement_timeout").singleRow()["statement_timeout"] == "0")
        _ = try reader.query("SELECT pg_sleep(1)")
    }
}
