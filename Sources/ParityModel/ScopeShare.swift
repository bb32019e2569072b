/// How much of a table mapping was in its cutover scope in one closed cycle (`cycle_scope`).
public struct ScopeShare: Sendable, Equatable {
    /// The cycle's id.
    public var cycle: Int64
    /// The table mapping's name.
    public var mapping: String
    /// The scope as configured; nil when the mapping has none (every row in scope).
    public var definition: String?
    /// SHA-256 of the definition and the keys a scope table listed: a different digest is a different scope.
    public var digest: String
    /// Keys the scope table listed at the close; nil for filters.
    public var listedKeys: Int?
    /// Keys with a row on either side at the cycle's end.
    public var rows: Int
    /// Of those, the keys in scope.
    public var inScope: Int
    /// Keys the cycle met (changed, carried or with an open difference) and left uncompared because they are out of scope.
    public var outOfScope: Int
    /// Whether the scope changed since the previous cycle, so every key in scope was compared.
    public var comparedAll: Bool

    /// Creates a share.
    public init(
        cycle: Int64, mapping: String, definition: String?, digest: String, listedKeys: Int?, rows: Int, inScope: Int, outOfScope: Int,
        comparedAll: Bool
    ) {
        self.cycle = cycle
        self.mapping = mapping
        self.definition = definition
        self.digest = digest
        self.listedKeys = listedKeys
        self.rows = rows
        self.inScope = inScope
        self.outOfScope = outOfScope
        self.comparedAll = comparedAll
    }

    /// Whether every row was in scope.
    public var isFull: Bool { inScope == rows }
}
