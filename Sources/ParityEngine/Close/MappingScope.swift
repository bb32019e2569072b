import ParityConfig
import ParityModel
import ParityStore

/// What a cycle compares of one table mapping.
enum MappingScope: Equatable {
    /// The keys changed in the cycle, carried into it, or with an open difference.
    case changed
    /// Every row: the mapping's own baseline (cycle 0 for the mappings of `init`; for one added later, the first cycle
    /// ending after both sides' copies, so both are folded to the same instant).
    case everyRow
    /// Nothing: the mapping is not copied on both sources (`parity init --add` was not run).
    case uninitialized
    /// Nothing yet: the cycle ended before a side's copy was taken.
    case copiedAfterEnd

    /// The scope of `mapping` in `cycle`, from where the mappings were copied and which cycle first compared each.
    static func of(_ mapping: String, cycle: CycleRecord, sources: [MappingSource], baselines: [String: Int64]) -> MappingScope {
        let copies = sources.filter { $0.mapping == mapping }
        guard Set(copies.map(\.side)) == Set(SourceSide.allCases) else { return .uninitialized }
        if baselines[mapping] != nil { return .changed }
        if cycle.id == 0 { return .everyRow }
        return copies.allSatisfy { $0.snapshotTime <= cycle.end } ? .everyRow : .copiedAfterEnd
    }
}
