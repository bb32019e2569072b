import ExactNumeric

/// How one side of one decimal column rounds, as inferred from its `RoundingEvidence`.
public enum RoundingInference: Sendable, Hashable {
    /// Every row agrees with this mode and enough ties rule the others out.
    case mode(RoundingMode, evidence: String)
    /// No mode can be named; the reason says why.
    case undetermined(reason: String)
    /// Ties round as their binary doubles do: the side computes with binary floating point.
    case binaryFloat(evidence: String)

    /// A short name for reports: the mode's raw value, "undetermined" or "binary_float".
    public var label: String {
        switch self {
        case .mode(let mode, _): return mode.rawValue
        case .undetermined: return "undetermined"
        case .binaryFloat: return "binary_float"
        }
    }

    /// The evidence text, or for `undetermined` the reason.
    public var evidence: String {
        switch self {
        case .mode(_, let evidence), .binaryFloat(let evidence): return evidence
        case .undetermined(let reason): return reason
        }
    }
}
