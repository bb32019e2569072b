import ParityModel

/// Where one side of a table mapping was copied: capture applies the mapping's changes from `copiedAt` on.
public struct MappingSource: Sendable, Equatable {
    /// `legacy` or `new`.
    public var side: SourceSide
    public var mapping: String
    /// The table copied (`schema.table`); nil for a mapping initialized before the store kept it.
    public var table: String?
    /// The copy's snapshot position: a transaction whose commit record starts before it is in the copy, a later one is applied.
    public var copiedAt: UInt64
    /// The snapshot's time, µs since 1970 (server clock).
    public var snapshotTime: Int64
    /// When the copy was recorded, µs since 1970 (local clock).
    public var initializedAt: Int64

    /// Creates a record.
    public init(side: SourceSide, mapping: String, table: String?, copiedAt: UInt64, snapshotTime: Int64, initializedAt: Int64) {
        self.side = side
        self.mapping = mapping
        self.table = table
        self.copiedAt = copiedAt
        self.snapshotTime = snapshotTime
        self.initializedAt = initializedAt
    }
}
