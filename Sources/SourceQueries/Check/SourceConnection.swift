import ParityConfig
import PostgresClient

extension ConnectionOptions {
    /// Connection options for a configured source.
    public init(source: SourceConfiguration, replication: ReplicationMode = .none) {
        self.init(
            dsn: source.dsn,
            passwordFile: source.passwordFile,
            applicationName: source.applicationName,
            connectTimeout: source.connectTimeout,
            statementTimeout: replication == .none ? source.statementTimeout : nil,
            replication: replication
        )
    }
}
