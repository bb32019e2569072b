/// Sessions of one census sample that share who they are and the kind of statement they last ran.
public struct CensusSessionRecord: Sendable, Hashable {
    /// The role.
    public var role: String
    /// The database.
    public var database: String
    /// `application_name`.
    public var applicationName: String
    /// IP address, `local socket` or `hidden`.
    public var clientAddress: String
    /// `pg_stat_activity.backend_type`.
    public var backendType: String
    /// `read`, `write`, `ddl`, `other`, `replication` or `hidden`.
    public var statementKind: String
    /// How many sessions.
    public var sessions: Int

    /// Creates a record.
    public init(
        role: String, database: String, applicationName: String, clientAddress: String, backendType: String, statementKind: String,
        sessions: Int
    ) {
        self.role = role
        self.database = database
        self.applicationName = applicationName
        self.clientAddress = clientAddress
        self.backendType = backendType
        self.statementKind = statementKind
        self.sessions = sessions
    }
}
