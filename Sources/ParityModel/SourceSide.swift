/// Which of the two databases a value belongs to.
public enum SourceSide: String, Sendable, Hashable, CaseIterable, Codable {
    /// The legacy database.
    case legacy
    /// The new database.
    case new
}

extension SourceSide: CustomStringConvertible {
    /// The raw text, as stored and printed: interpolating a value reads the same as its `rawValue`.
    public var description: String { rawValue }
}
