/// How a reconciliation cycle closed.
public enum CycleStatus: String, Sendable, Hashable, CaseIterable, Codable {
    /// Both sources complete through its end plus settle.
    case closed
    /// Closed by `parity close --force` before both sources were complete.
    case forced
}

extension CycleStatus: CustomStringConvertible {
    /// The raw text, as stored and printed: interpolating a value reads the same as its `rawValue`.
    public var description: String { rawValue }
}
