import ParityConfig
import ParityModel
import ParityStore
import Reconciliation

/// The rounding evidence of closed cycles merged: per decimal column and side, and per header total (`line_items`) and
/// side, keyed `[mapping, column, side]` (the column as `TotalRoundingSubject.column` names it). Also counts, per
/// column and per total, the cycles that recorded evidence for it.
struct RoundingHistory {
    /// Per column with a source expression and side.
    var observations = RoundingObservations()
    /// Per header total and side.
    var totals: [[String]: TotalRoundingEvidence] = [:]
    /// Cycles with evidence, per `[mapping, column]`.
    var cycles: [[String]: Int] = [:]

    /// Merges the evidence `cycles` recorded.
    init(store: any ResultStore, cycles records: [CycleRecord]) throws {
        for cycle in records {
            var seen = Set<[String]>()
            for stored in try store.roundingEvidence(cycle: cycle.id) {
                seen.insert([stored.mapping, stored.column])
                switch stored.evidence {
                case .total(let evidence):
                    totals[[stored.mapping, stored.column, stored.side.rawValue], default: TotalRoundingEvidence()].merge(evidence)
                case .column(let evidence):
                    observations.merge(RoundingObservations.Subject(mapping: stored.mapping, column: stored.column, side: stored.side), evidence)
                }
            }
            for column in seen { cycles[column, default: 0] += 1 }
        }
    }
}
