import Foundation
import ParityModel

/// The census of one source over one cycle's window `[start, end)`: the samples taken and the distinct clients seen.
public struct CycleCensus: Sendable, Hashable {
    /// The cycle's id.
    public var cycle: Int64
    /// First instant of the window.
    public var start: Date
    /// First instant after the window.
    public var end: Date
    /// Samples taken in the window (0: the census did not run, so nothing can be said about clients).
    public var samples: Int
    /// Samples taken by a role that could not see other roles' statements and addresses (no `pg_read_all_stats`).
    public var limitedSamples: Int
    /// The distinct clients, by identity.
    public var clients: [CensusClient]

    /// Creates a cycle's census; clients are sorted by identity.
    public init(cycle: Int64, start: Date, end: Date, samples: Int, limitedSamples: Int, clients: [CensusClient]) {
        self.cycle = cycle
        self.start = start
        self.end = end
        self.samples = samples
        self.limitedSamples = limitedSamples
        self.clients = clients.sorted { $0.identity < $1.identity }
    }

    /// What the census could not see in this window, one sentence; nil when it saw everything.
    public var visibilityNote: String? {
        if samples == 0 { return "no census sample in this cycle: clients unknown (was capture running?)" }
        guard limitedSamples > 0 else { return nil }
        return "\(limitedSamples) of \(samples) samples were taken by a role without pg_read_all_stats: other roles' "
            + "sessions are listed with client address and statement kind hidden; grant pg_read_all_stats to see them"
    }
}
