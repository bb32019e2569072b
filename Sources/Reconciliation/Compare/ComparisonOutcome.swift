/// The result of comparing one column pair.
public enum ComparisonOutcome: Sendable, Hashable {
    /// Equal after normalization.
    case match
    /// Different beyond any tolerance.
    case mismatch
    /// Different, but within the column's tolerance.
    case withinTolerance
}
