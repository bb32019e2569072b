/// The category a disposition gives a finding.
public enum Disposition: String, Sendable, Hashable, CaseIterable, Codable {
    /// The new system must match: an open defect.
    case match
    /// The difference is intended.
    case intentionalChange = "intentional_change"
    /// The legacy behaviour is a bug being fixed.
    case legacyBug = "legacy_bug"
}

extension Disposition: CustomStringConvertible {
    /// The raw text, as stored and printed: interpolating a value reads the same as its `rawValue`.
    public var description: String { rawValue }
}
