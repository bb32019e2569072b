import ParityConfig
import ParityModel
import ParityStore
import Reconciliation

/// Reads a source's census over a closed cycle's window `[start, end)` from the store.
public enum CensusReader {
    /// The census of `side` during `cycle`.
    public static func census(of cycle: CycleRecord, side: SourceSide, store: any ResultStore) throws(StoreError) -> CycleCensus {
        let window = try store.census(side: side, from: cycle.start, to: cycle.end)
        return CycleCensus(
            cycle: cycle.id, start: StoreTime.date(cycle.start), end: StoreTime.date(cycle.end), samples: window.samples,
            limitedSamples: window.limitedSamples,
            clients: window.clients)
    }

    /// The legacy census of each of `cycles`, in the same order: what ``LegacyUse/quietVerdict(cycles:allowedClients:inventory:)`` reads.
    public static func legacyCensus(of cycles: [CycleRecord], store: any ResultStore) throws(StoreError) -> [CycleCensus] {
        var census: [CycleCensus] = []
        for cycle in cycles { census.append(try self.census(of: cycle, side: .legacy, store: store)) }
        return census
    }
}
