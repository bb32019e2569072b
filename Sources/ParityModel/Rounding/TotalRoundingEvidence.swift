/// Counts, over many totals of one column, of which rounding rule each total fits.
public struct TotalRoundingEvidence: Sendable, Hashable, Codable {
    /// Totals only the per-line rule gives.
    public private(set) var perLine = 0
    /// Totals only the per-total rule gives.
    public private(set) var perTotal = 0
    /// Totals both rules give.
    public private(set) var both = 0
    /// Totals neither rule gives.
    public private(set) var neither = 0

    enum CodingKeys: String, CodingKey {
        case perLine = "per_line"
        case perTotal = "per_total"
        case both
        case neither
    }

    /// Empty evidence.
    public init() {}

    /// Reads stored evidence; a count it lacks (written before that count existed) is 0.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        perLine = try container.decodeIfPresent(Int.self, forKey: .perLine) ?? 0
        perTotal = try container.decodeIfPresent(Int.self, forKey: .perTotal) ?? 0
        both = try container.decodeIfPresent(Int.self, forKey: .both) ?? 0
        neither = try container.decodeIfPresent(Int.self, forKey: .neither) ?? 0
    }

    /// Records the outcome for one total.
    public mutating func observe(_ outcome: TotalRounding) {
        switch outcome {
        case .perLine: perLine += 1
        case .perTotal: perTotal += 1
        case .both: both += 1
        case .neither: neither += 1
        }
    }

    /// Adds everything `other` observed.
    public mutating func merge(_ other: TotalRoundingEvidence) {
        perLine += other.perLine
        perTotal += other.perTotal
        both += other.both
        neither += other.neither
    }
}
