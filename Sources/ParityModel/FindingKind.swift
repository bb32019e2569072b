/// What a finding says about a row, a table or a column; the kinds a disposition rule can name.
public enum FindingKind: String, Sendable, Hashable, CaseIterable, Codable {
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

    /// Whether a disposition rule of this kind names a legacy table rather than a table mapping.
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

extension FindingKind: CustomStringConvertible {
    /// The raw text, as stored and printed: interpolating a value reads the same as its `rawValue`.
    public var description: String { rawValue }
}
