import ParityConfig
import ParityModel
import ParityStore
import Reconciliation

/// Both sides' stored rows of a mapping paired by canonical key, with the carried keys and the keys with an open
/// difference merged in.
typealias PairedRows = MergeJoin<CanonicalRows, CanonicalRows>

extension MergeJoin where Legacy == CanonicalRows, New == CanonicalRows {
    /// Pairs the rows `CycleStateReader.rows(side:mapping:changedOnly:)` reads on each side with `carried` and `open`
    /// (each in canonical-key order).
    init(
        _ reader: CycleStateReader, mapping: TableMapping, changedOnly: Bool, carried: [CanonicalKey] = [], open: [CanonicalKey] = []
    ) throws {
        try self.init(
            legacy: CanonicalRows(reader.rows(side: .legacy, mapping: mapping.name, changedOnly: changedOnly), mapping: mapping),
            new: CanonicalRows(reader.rows(side: .new, mapping: mapping.name, changedOnly: changedOnly), mapping: mapping),
            carried: carried, open: open)
    }
}
