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

extension SourceSide {
    /// Whether capture keeps, per transaction, the tables it wrote (`transaction_write` and its summaries). The
    /// hidden-state audit, the gate's write criteria and `contracts export` ask about legacy's writes alone, so the new
    /// side's changes are kept as pending changes only.
    public var keepsTransactionWrites: Bool { self == .legacy }
}
