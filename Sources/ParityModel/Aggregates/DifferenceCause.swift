/// What part of an aggregate group's difference is attributed to: the kind of the row findings behind it, or the
/// legacy summary table disagreeing with the legacy rows it summarizes.
public enum DifferenceCause: Sendable, Hashable, Comparable, RawRepresentable {
    /// Row differences of one finding kind.
    case finding(FindingKind)
    /// The legacy summary table against the legacy rows (`legacy_summary`).
    case legacySummary

    /// `legacy_summary`, or a finding kind's name.
    public init?(rawValue: String) {
        if rawValue == "legacy_summary" {
            self = .legacySummary
        } else if let kind = FindingKind(rawValue: rawValue) {
            self = .finding(kind)
        } else {
            return nil
        }
    }

    /// The name reports and the store use.
    public var rawValue: String {
        switch self {
        case .finding(let kind): kind.rawValue
        case .legacySummary: "legacy_summary"
        }
    }

    /// By name.
    public static func < (lhs: DifferenceCause, rhs: DifferenceCause) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}

/// A cause is coded by its name; an unknown name does not decode.
extension DifferenceCause: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let name = try container.decode(String.self)
        guard let cause = DifferenceCause(rawValue: name) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a difference cause: \(name)")
        }
        self = cause
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
