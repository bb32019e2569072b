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

/// Finding kinds a disposition rule can name.
public enum FindingKind: String, Sendable, Hashable, CaseIterable {
    /// The row exists only in legacy.
    case missingInNew = "missing_in_new"
    /// The row exists only in new.
    case missingInLegacy = "missing_in_legacy"
    /// The values differ.
    case valueMismatch = "value_mismatch"
    /// The values differ by a rounding mode.
    case rounding
    /// The values differ within the column's tolerance.
    case withinTolerance = "within_tolerance"
    /// A trigger-maintained table has no mapping.
    case hiddenStateUnmapped = "hidden_state_unmapped"
    /// A legacy table neither mapped nor ignored was written.
    case unmappedWrites = "unmapped_writes"

    /// Whether the rule's `table` names a legacy table rather than a table mapping.
    public var namesLegacyTable: Bool { self == .hiddenStateUnmapped || self == .unmappedWrites }

    /// Whether a finding of this kind is a difference the open-differences ledger keeps until it is resolved
    /// (`within_tolerance` is not a difference; hidden state and unmapped writes are not about a row).
    public var isDifference: Bool {
        switch self {
        case .missingInNew, .missingInLegacy, .valueMismatch, .rounding: true
        case .withinTolerance, .hiddenStateUnmapped, .unmappedWrites: false
        }
    }
}

/// The category a disposition gives a finding.
public enum Disposition: String, Sendable, Hashable, CaseIterable {
    /// The new system must match: an open defect.
    case match
    /// The difference is intended.
    case intentionalChange = "intentional_change"
    /// The legacy behaviour is a bug being fixed.
    case legacyBug = "legacy_bug"
}

/// What a disposition rule's `table` names.
public enum DispositionTable: Sendable, Hashable {
    /// A table mapping, by its `tables[].name`.
    case mapping(String)
    /// A legacy table, for `hidden_state_unmapped` and `unmapped_writes` rules.
    case legacyTable(QualifiedName)
}
