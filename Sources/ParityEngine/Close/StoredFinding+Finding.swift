import ParityConfig
import ParityModel
import ParityStore
import Reconciliation

extension StoredFinding {
    /// The finding as the reconciliation rules see it; nil for a kind they do not know.
    var reconciliationFinding: Finding? {
        FindingKind(rawValue: kind).map {
            Finding(mapping: mapping, key: key, column: column, newColumn: newColumn, kind: $0, legacy: legacy, new: new)
        }
    }
}
