/// One source's census over a time window: the samples taken and each distinct client seen in them.
public struct CensusWindow: Sendable, Hashable {
    /// Samples taken in the window.
    public var samples: Int
    /// Samples taken by a role without `pg_read_all_stats`.
    public var limitedSamples: Int
    /// The distinct clients, by application name, role, database, address and backend type.
    public var clients: [CensusClient]

    /// Creates a window's census.
    public init(samples: Int, limitedSamples: Int, clients: [CensusClient]) {
        self.samples = samples
        self.limitedSamples = limitedSamples
        self.clients = clients
    }
}
