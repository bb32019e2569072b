import Foundation
import ParityStore
import ParityTestSupport
import PostgresClient
import PostgresStore
import Synchronization
import Testing

/// The throwaway PostgreSQL cluster the suite's PostgreSQL stores live in: started once, at the first test that needs
/// it, and stopped when the test process exits (its watchdog stops it should the process die first). Each store is a
/// database of its own.
enum ConformanceCluster {
    /// The cluster, or why it could not start (every PostgreSQL test then fails with it: never a silent skip).
    private static let started: Result<PostgresCluster, ClusterError> = {
        let result = Result { () throws(ClusterError) in try PostgresCluster.start() }
        atexit { ConformanceCluster.stop() }
        return result
    }()

    private static let databases = Mutex(0)

    /// Creates an empty database on the cluster; returns the cluster and the database's name.
    static func newDatabase() throws -> (cluster: PostgresCluster, database: String) {
        let cluster = try started.get()
        // One CREATE DATABASE at a time: they copy the same template.
        let name = try databases.withLock { count throws(PostgresError) -> String in
            count += 1
            let name = "conformance_\(count)"
            try cluster.createDatabase(name)
            return name
        }
        return (cluster, name)
    }

    private static func stop() {
        if case .success(let cluster) = started { cluster.stop() }
    }
}

/// A database of the conformance cluster, kept for as long as the store opened in it.
final class ConformanceDatabase: Sendable {
    let cluster: PostgresCluster
    let name: String

    init(cluster: PostgresCluster, name: String) {
        self.cluster = cluster
        self.name = name
    }

    /// The store's URL: loopback, trust authentication.
    var url: String { "postgres://postgres@127.0.0.1:\(cluster.port)/\(name)" }
}

extension StoreFactory {
    /// The PostgreSQL store, in a new database of the suite's throwaway cluster.
    static let postgres = StoreFactory(
        name: "PostgreSQL",
        open: {
            let (cluster, name) = try ConformanceCluster.newDatabase()
            let database = ConformanceDatabase(cluster: cluster, name: name)
            return OpenedStore(try PostgresStore.open(url: database.url), keeping: database)
        },
        plant: { opened, plant in
            let database = try #require(opened.resource(ConformanceDatabase.self))
            // The schema's checks would refuse the value: plant it as a newer Parity's schema would allow.
            let (script, value): (String, String) = switch plant {
            case .findingKind(let value): ("UPDATE finding SET kind = $1", value)
            case .cycleStatus(let value): ("ALTER TABLE cycle DROP CONSTRAINT cycle_status_check; UPDATE cycle SET status = $1", value)
            case .decisionDisposition(let value): ("""
                ALTER TABLE disposition_decision DROP CONSTRAINT disposition_decision_check;
                INSERT INTO disposition_decision (table_name, column_name, kind, action, disposition, decided_by, decided_at)
                VALUES ('orders', 'amount', 'rounding', 'set', $1, 'a newer parity', 2)
                """, value)
            case .sourceSide(let value): ("ALTER TABLE source_state DROP CONSTRAINT source_state_side_check; UPDATE source_state SET side = $1", value)
            case .aggregateCause(let value): ("UPDATE aggregate_result SET bridge = $1", RowJSON.image([value: "1"]))
            case .statementKind(let value): ("UPDATE census_session SET statement_kind = $1", value)
            case .roundingEvidence(let value): ("UPDATE rounding_evidence SET evidence = $1", value)
            case .inventoryItems(let value): ("UPDATE inventory_snapshot SET items = $1", value)
            }
            let connection = try database.cluster.connect(database: database.name)
            defer { connection.close() }
            let statements = script.split(separator: ";").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            for statement in statements {
                try connection.query(PostgresQuery(unsafeSQL: statement, binds: statement.contains("$1") ? [value] : []))
            }
        })
}
