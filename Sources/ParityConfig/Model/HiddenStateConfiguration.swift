import ParityModel

/// Known hidden state in the legacy database and tables to leave out of the audit (`hidden_state:`).
public struct HiddenStateConfiguration: Sendable, Hashable {
    /// Legacy objects that are known and dispositioned.
    public var documented: [DocumentedObject]
    /// Tables whose writes are neither mapped nor reported.
    public var ignoreTables: [QualifiedName]
    /// Tables compared as whole snapshots each cycle instead of change by change.
    public var snapshotTables: [QualifiedName]

    /// Creates a hidden-state configuration.
    public init(
        documented: [DocumentedObject] = [],
        ignoreTables: [QualifiedName] = [],
        snapshotTables: [QualifiedName] = []
    ) {
        self.documented = documented
        self.ignoreTables = ignoreTables
        self.snapshotTables = snapshotTables
    }
}
