import ParityModel

/// A rule giving matching findings a category (`dispositions[]`).
public struct DispositionRule: Sendable, Hashable {
    /// The table mapping, or for `hidden_state_unmapped` and `unmapped_writes` the legacy table.
    public var table: DispositionTable
    /// The column the rule applies to (either side's name); all columns when nil.
    public var column: String?
    /// The finding kind the rule applies to.
    public var kind: FindingKind
    /// Regular expression the legacy or new value must match, as written.
    public var pattern: String?
    /// The category given to matching findings.
    public var disposition: Disposition
    /// Who owns the decision.
    public var owner: String?
    /// Why.
    public var note: String?

    /// Creates a rule.
    public init(
        table: DispositionTable,
        column: String? = nil,
        kind: FindingKind,
        pattern: String? = nil,
        disposition: Disposition,
        owner: String? = nil,
        note: String? = nil
    ) {
        self.table = table
        self.column = column
        self.kind = kind
        self.pattern = pattern
        self.disposition = disposition
        self.owner = owner
        self.note = note
    }
}

/// What a disposition rule's `table` names.
public enum DispositionTable: Sendable, Hashable {
    /// A table mapping, by its `tables[].name`.
    case mapping(String)
    /// A legacy table, for `hidden_state_unmapped` and `unmapped_writes` rules.
    case legacyTable(QualifiedName)
}
