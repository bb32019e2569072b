/// Which of the two databases a value belongs to.
public enum SourceSide: String, Sendable, Hashable, CaseIterable, Codable {
    /// The legacy database.
    case legacy
    /// The new database.
    case new
}
