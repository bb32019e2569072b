import Foundation

/// One distinct client of a database over a window of census samples.
public struct CensusClient: Sendable, Hashable {
    /// What tells two clients apart: who connects, to what, from where, with which program.
    public struct Identity: Sendable, Hashable, Comparable {
        /// The role (user name); empty when the server did not say.
        public var role: String
        /// The database connected to; empty for a physical walsender.
        public var database: String
        /// `application_name` as the client set it (empty when unset).
        public var applicationName: String
        /// The client's IP address, `local socket`, or `hidden` when the sampling role may not see it.
        public var clientAddress: String
        /// `client backend`, `walsender`, `pg_cron scheduler`, …
        public var backendType: String

        /// Creates an identity.
        public init(role: String, database: String, applicationName: String, clientAddress: String, backendType: String) {
            self.role = role
            self.database = database
            self.applicationName = applicationName
            self.clientAddress = clientAddress
            self.backendType = backendType
        }

        public static func < (lhs: Identity, rhs: Identity) -> Bool {
            (lhs.applicationName, lhs.role, lhs.database, lhs.clientAddress, lhs.backendType)
                < (rhs.applicationName, rhs.role, rhs.database, rhs.clientAddress, rhs.backendType)
        }

        /// `app (role@database from address)`, for evidence lines.
        public var summary: String {
            "\(applicationName.isEmpty ? "(no application name)" : applicationName) (\(role)@\(database) from \(clientAddress), \(backendType))"
        }
    }

    /// Who it is.
    public var identity: Identity
    /// The first sample it was in.
    public var firstSeen: Date
    /// The last sample it was in.
    public var lastSeen: Date
    /// How many samples it was in.
    public var samples: Int
    /// The statement kinds its sessions showed, in `StatementKind` order.
    public var kinds: [StatementKind]

    /// Creates a client; `kinds` are sorted and deduplicated.
    public init(identity: Identity, firstSeen: Date, lastSeen: Date, samples: Int, kinds: [StatementKind]) {
        self.identity = identity
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
        self.samples = samples
        self.kinds = Array(Set(kinds)).sorted()
    }
}
