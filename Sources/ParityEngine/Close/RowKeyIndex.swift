import ParityConfig
import ParityModel
import ParityStore
import Reconciliation

/// Finds a side's raw key for a canonical key. Without key normalizers the two are the same text; with
/// them, the side's keys as of the cycle end are scanned once and indexed by canonical key.
struct RowKeyIndex {
    let mapping: TableMapping
    let reader: CycleStateReader
    private var indexes: [SourceSide: [CanonicalKey: String]] = [:]

    init(mapping: TableMapping, reader: CycleStateReader) {
        self.mapping = mapping
        self.reader = reader
    }

    /// The raw key on `side` whose canonical key is `canonical`; nil when the side has no such row.
    mutating func rowKey(side: SourceSide, canonical: CanonicalKey) throws -> String? {
        guard !mapping.key.normalize.isEmpty else { return canonical.rawValue }
        if indexes[side] == nil {
            var index: [CanonicalKey: String] = [:]
            for rowKey in try reader.keys(side: side, mapping: mapping.name) {
                let values = RowComparer.canonicalKey(mapping: mapping, values: RowJSON.decodeKey(rowKey) ?? [])
                index[CanonicalKey(RowJSON.key(values))] = rowKey
            }
            indexes[side] = index
        }
        return indexes[side]?[canonical]
    }
}
