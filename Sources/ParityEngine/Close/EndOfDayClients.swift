import ParityStore
import Reconciliation

/// The "who still uses legacy" section of the end-of-day report, from the client census.
enum EndOfDayClients {
    /// The legacy clients seen during `cycle`, marked new when the cycle before it did not see them.
    static func legacyClients(store: any Store, cycle: CycleRecord) throws -> EndOfDayReport.LegacyClients {
        let previous = try store.cycles().last { $0.id < cycle.id }
        return EndOfDayReport.LegacyClients(
            census: try CensusReader.census(of: cycle, side: .legacy, store: store),
            previous: try previous.map { try CensusReader.census(of: $0, side: .legacy, store: store) })
    }
}
