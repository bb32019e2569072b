import ParityConfig

/// Finds the columns of stored row images that a mapping neither maps, keys nor ignores.
public enum UnmappedColumnFinder {
    /// The unmapped columns of `mapping`, given the column names of one stored image per side (nil when none is stored).
    public static func unmapped(_ mapping: TableMapping, legacyColumns: [String]?, newColumns: [String]?) -> EndOfDayReport.UnmappedColumns {
        let legacyKnown = Set(mapping.columns.map(\.legacy) + mapping.key.legacy + mapping.ignore.legacy)
        let newKnown = Set(mapping.columns.map(\.new) + mapping.key.new + mapping.ignore.new)
        return EndOfDayReport.UnmappedColumns(
            table: mapping.name,
            legacy: (legacyColumns ?? []).filter { !legacyKnown.contains($0) }.sorted(),
            new: (newColumns ?? []).filter { !newKnown.contains($0) }.sorted())
    }
}
