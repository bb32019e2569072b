/// Whether a stored total was built from rounded lines, from the rounded sum of unrounded lines, or both or neither fit.
public enum TotalRounding: String, Sendable, Codable, CaseIterable {
    /// The total equals the sum of the stored (rounded) line values.
    case perLine = "per_line"
    /// The total equals the sum of the unrounded line values, rounded once.
    case perTotal = "per_total"
    /// Both rules give the stored total, so this total does not tell them apart.
    case both
    /// Neither rule gives the stored total.
    case neither
}
