import Foundation
import PostgresClient
import Synchronization
import ThrowawayPostgres

/// One throwaway PostgreSQL cluster for a whole test process, for tests that each need a database of their own (the
/// PostgreSQL store's): started at the first use, stopped when the process exits (its watchdog stops it should the
/// process die first).
public enum SharedCluster {
    /// The cluster, or why it could not start (every test that needs it then fails with it: never a silent skip).
    private static let started: Result<PostgresCluster, ClusterError> = {
        let result = Result { () throws(ClusterError) in try PostgresCluster.start() }
        atexit { SharedCluster.stop() }
        return result
    }()

    private static let databases = Mutex(0)

    /// Creates an empty database named after `label` on the cluster.
    public static func newDatabase(_ label: String) throws -> SharedDatabase {
        let cluster = try started.get()
        // One CREATE DATABASE at a time: they copy the same template.
        let name = try databases.withLock { count throws(PostgresError) -> String in
            count += 1
            let name = "\(label)_\(count)"
            try cluster.createDatabase(name)
            return name
        }
        return SharedDatabase(cluster: cluster, name: name)
    }

    private static func stop() {
        if case .success(let cluster) = started { cluster.stop() }
    }
}

/// A database of the shared cluster.
public final class SharedDatabase: Sendable {
    /// The cluster it lives in.
    public let cluster: PostgresCluster
    /// Its name.
    public let name: String

    init(cluster: PostgresCluster, name: String) {
        self.cluster = cluster
        self.name = name
    }

    /// Its URL: loopback, the `postgres` role, trust authentication.
    public var url: String { "postgres://postgres@127.0.0.1:\(cluster.port)/\(name)" }

    /// Opens a session on it.
    public func connect() throws(PostgresError) -> PostgresConnection {
        try cluster.connect(database: name)
    }
}
