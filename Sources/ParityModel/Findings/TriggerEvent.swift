/// A statement kind that fires triggers, and that a change to a row can be.
public enum TriggerEvent: String, Sendable, Hashable, Codable {
    /// `INSERT`.
    case insert
    /// `UPDATE`.
    case update
    /// `DELETE`.
    case delete
    /// `TRUNCATE`.
    case truncate
}
