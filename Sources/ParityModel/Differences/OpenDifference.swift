/// One key-column of a mapping whose sides differ, as the ledger (`difference`, migration 014) keeps it: open until
/// a later comparison finds the column equal or the row gone on both sides.
public struct OpenDifference: Sendable, Equatable {
    /// The finding as last seen (its kind, column, values, disposition and explanation).
    public var finding: Finding
    /// The canonical key the comparison pairs the sides by.
    public var canonicalKey: CanonicalKey
    /// The cycle that first found it open (0 for the baseline).
    public var firstSeen: Int64
    /// The last cycle whose comparison found it.
    public var lastSeen: Int64
    /// The cycle that found it resolved; nil while open.
    public var resolvedCycle: Int64?

    /// Creates a difference.
    public init(finding: Finding, canonicalKey: CanonicalKey, firstSeen: Int64, lastSeen: Int64, resolvedCycle: Int64? = nil) {
        self.finding = finding
        self.canonicalKey = canonicalKey
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
        self.resolvedCycle = resolvedCycle
    }
}

/// What one close found for a key it compared that the ledger must know about: a key with differences, or an open
/// key found equal (no findings: every open difference of the key is resolved).
public struct DifferenceVerdict: Sendable, Equatable {
    /// The table mapping's name.
    public var mapping: String
    /// The canonical key.
    public var canonicalKey: CanonicalKey
    /// The ledger kinds found on the key now; empty when the sides are equal or the row is gone on both.
    public var findings: [Finding]

    /// Creates a verdict.
    public init(mapping: String, canonicalKey: CanonicalKey, findings: [Finding]) {
        self.mapping = mapping
        self.canonicalKey = canonicalKey
        self.findings = findings
    }
}
