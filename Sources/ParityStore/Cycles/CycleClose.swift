/// Everything a cycle close records, in one store transaction with the fold.
public struct CycleClose: Sendable {
    /// The cycle.
    public var cycle: CycleRecord
    /// Counts per table mapping.
    public var tables: [CycleTableRecord]
    /// Findings reported, in report order.
    public var findings: [StoredFinding]
    /// Keys carried into the next cycle: mapping and canonical key (JSON array text).
    public var carried: [CarriedKey]

    /// Creates the close.
    public init(cycle: CycleRecord, tables: [CycleTableRecord], findings: [StoredFinding], carried: [CarriedKey]) {
        self.cycle = cycle
        self.tables = tables
        self.findings = findings
        self.carried = carried
    }
}

/// A key compared again in a later cycle.
public struct CarriedKey: Sendable, Hashable {
    /// The table mapping's name.
    public var mapping: String
    /// The canonical key as JSON array text.
    public var canonicalKey: String

    /// Creates a carried key.
    public init(mapping: String, canonicalKey: String) {
        self.mapping = mapping
        self.canonicalKey = canonicalKey
    }
}
