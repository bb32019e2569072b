/// The category a disposition gives a finding.
public enum Disposition: String, Sendable, Hashable, CaseIterable, Codable {
    /// The new system must match: an open defect.
    case match
    /// The difference is intended.
    case intentionalChange = "intentional_change"
    /// The legacy behaviour is a bug being fixed.
    case legacyBug = "legacy_bug"
}
