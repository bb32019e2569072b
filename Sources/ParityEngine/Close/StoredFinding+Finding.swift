import ParityConfig
import ParityModel
import ParityStore
import Reconciliation

extension StoredFinding {
    /// The finding as the reconciliation rules see it.
    var reconciliationFinding: Finding {
        Finding(mapping: mapping, key: key, column: column, newColumn: newColumn, kind: kind, legacy: legacy, new: new)
    }
}
