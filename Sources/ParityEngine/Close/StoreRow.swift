import Foundation
import ParityModel
import ParityStore
import Reconciliation

/// A side's stored row with its canonical key, as the merge join (`MergeJoin`) and the comparison (`KeyComparison`) read it.
struct StoreRow: ComparedRow {
    var canonicalKey: CanonicalKey
    var row: StateRow

    var imageText: String? { row.values }
    var image: RowImage? { get throws { try row.image } }
    var lastCommit: Date? { row.changedAt.map(StoreTime.date) }
    var changes: Set<TriggerEvent>? { row.events?.triggerEvents }
}
