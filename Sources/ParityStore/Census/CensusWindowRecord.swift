/// One source's census over a time window: the samples taken and each distinct client (times in µs since 1970).
public struct CensusWindowRecord: Sendable, Hashable {
    /// A distinct client over the window.
    public struct Client: Sendable, Hashable {
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
        /// Its first sample in the window.
        public var firstSeen: Int64
        /// Its last sample in the window.
        public var lastSeen: Int64
        /// Samples it was in.
        public var samples: Int
        /// Statement kinds seen, sorted.
        public var statementKinds: [String]
    }

    /// Samples taken in the window.
    public var samples: Int
    /// Samples taken without `pg_read_all_stats`.
    public var limitedSamples: Int
    /// The distinct clients.
    public var clients: [Client]
}
