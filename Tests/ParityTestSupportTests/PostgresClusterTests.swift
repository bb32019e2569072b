import Foundation
import ParityTestSupport
import PostgresClient
import Testing

@Suite("Throwaway PostgreSQL clusters")
struct PostgresClusterTests {
    @Test("two clusters start independently, answer queries, and leave nothing behind")
    func twoClusters() throws {
        let first = try PostgresCluster.start()
        let second = try PostgresCluster.start()
        #expect(first.port != second.port)
        for cluster in [first, second] {
            let connection = try cluster.connect()
            let row = try connection.query("SELECT current_setting('wal_level') AS level, current_setting('port') AS port").singleRow()
            #expect(try row.decode(String.self, "level") == "logical")
            #expect(try row.decode(Int.self, "port") == cluster.port)
            connection.close()
        }
        first.stop()
        second.stop()
        for cluster in [first, second] {
            #expect(try waitUntil { !cluster.isRunning }, "postmaster \(cluster.postmasterPID) still running")
            #expect(!FileManager.default.fileExists(atPath: cluster.directory))
        }
    }

    @Test("settings override the defaults, and databases can be created")
    func settingsAndDatabases() throws {
        let cluster = try PostgresCluster.start(settings: ["wal_level": "replica"])
        defer { cluster.stop() }
        try cluster.createDatabase("legacy db")
        let connection = try cluster.connect(database: "legacy db")
        defer { connection.close() }
        let row = try connection.query("SELECT current_setting('wal_level') AS level, current_database() AS db").singleRow()
        #expect(row["level"] == "replica")
        #expect(row["db"] == "legacy db")
    }

    @Test("the watchdog removes a cluster whose owning process died")
    func watchdogCleansUp() throws {
        let owner = Process()
        owner.executableURL = URL(fileURLWithPath: "/bin/sleep")
        owner.arguments = ["30"]
        try owner.run()
        let cluster = try PostgresCluster.start(settings: [:], ownerPID: owner.processIdentifier)
        #expect(cluster.isRunning)
        kill(owner.processIdentifier, SIGKILL)
        waitpid(owner.processIdentifier, nil, 0)  // reap it: a zombie still answers kill -0
        #expect(try waitUntil(seconds: 20) { !cluster.isRunning && !FileManager.default.fileExists(atPath: cluster.directory) })
    }

    @Test("a server that cannot start is an error carrying its log, never a skip")
    func startFailureIsLoud() {
        #expect {
            _ = try PostgresCluster.start(settings: ["shared_buffers": "'not a size'"])
        } throws: { error in
            "\(error)".contains("did not start") && "\(error)".contains("shared_buffers")
        }
    }
}

/// Polls `condition` every 50 ms until it holds or `seconds` pass.
func waitUntil(seconds: Double = 10, _ condition: () -> Bool) throws -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if condition() { return true }
        usleep(50_000)
    }
    return condition()
}
