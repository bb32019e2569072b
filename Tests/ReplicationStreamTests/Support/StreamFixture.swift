import Foundation
import LogicalReplication
import ParityTestSupport
import PostgresClient
import ReplicationStream

/// A throwaway cluster with table `t` published as `p` and an unpublished table `u`, and logical slot `s`.
struct StreamFixture {
    let cluster: PostgresCluster

    init(settings: [String: String] = [:]) throws {
        cluster = try PostgresCluster.start(settings: settings)
        try cluster.run("""
            CREATE TABLE t (id int PRIMARY KEY, v text);
            CREATE TABLE u (id int PRIMARY KEY);
            CREATE PUBLICATION p FOR TABLE t;
            """)
        try cluster.run("SELECT pg_create_logical_replication_slot('s', 'pgoutput')")
    }

    /// A stream of slot `s` into `consumer` from `start`, with short intervals for tests.
    /// A fresh fixture with a started stream and its recording consumer.
    static func started(settings: [String: String] = [:]) throws -> (StreamFixture, RecordingConsumer, ReplicationStream) {
        let fixture = try StreamFixture(settings: settings)
        let consumer = RecordingConsumer()
        let stream = fixture.stream(consumer)
        stream.start()
        return (fixture, consumer, stream)
    }

    /// Stops the stream, then the cluster.
    func stop(_ stream: ReplicationStream) {
        stream.stop()
        _ = stream.waitUntilStopped(timeout: .seconds(10))
        cluster.stop()
    }

    func stream(_ consumer: RecordingConsumer, from start: LSN = .invalid) -> ReplicationStream {
        let configuration = ReplicationStreamConfiguration(
            connection: ConnectionOptions(dsn: cluster.dsn(), applicationName: "parity-stream-tests"),
            slot: "s",
            publications: ["p"],
            startLSN: start,
            statusInterval: .milliseconds(300),
            backoff: ReconnectBackoff(initial: .milliseconds(100), maximum: .seconds(1)),
            pollInterval: .milliseconds(50)
        )
        return ReplicationStream(configuration: configuration, consumer: consumer)
    }

    /// Runs each statement in a transaction of its own, in order.
    func commitEach(_ statements: [String]) throws {
        let connection = try cluster.connect()
        defer { connection.close() }
        for statement in statements { try connection.execute(unsafeScript: statement) }
    }

    /// The slot's confirmed flush position as the server reports it.
    func confirmedFlush() throws -> LSN {
        let connection = try cluster.connect()
        defer { connection.close() }
        let row = try connection.query("SELECT confirmed_flush_lsn::text AS lsn FROM pg_replication_slots WHERE slot_name = 's'").singleRow()
        return LSN(row["lsn"] ?? "") ?? .invalid
    }

    /// The server's current WAL insert position.
    func currentWAL() throws -> LSN {
        let connection = try cluster.connect()
        defer { connection.close() }
        return LSN(try connection.query("SELECT pg_current_wal_lsn()::text AS lsn").singleRow()["lsn"] ?? "") ?? .invalid
    }
}

/// Polls `condition` every 20 ms until it holds or `seconds` pass; returns whether it held.
func eventually(seconds: Double = 20, _ condition: () throws -> Bool) rethrows -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if try condition() { return true }
        usleep(20_000)
    }
    return try condition()
}

extension RowChange {
    /// The `id` column's text in an insert, update or delete; nil for a truncate.
    var id: String? {
        switch self {
        case .insert(let change): change.values["id"]?.text
        case .update(let change): change.values["id"]?.text
        case .delete(let change): change.key["id"]?.text
        case .truncate: nil
        }
    }

    /// A one-word name of the change's kind.
    var kind: String {
        switch self {
        case .insert: "insert"
        case .update: "update"
        case .delete: "delete"
        case .truncate: "truncate"
        }
    }
}
