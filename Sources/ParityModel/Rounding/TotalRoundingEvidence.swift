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

    /// The single rule every total fits, with the counts that show it.
    public var verdict: TotalRoundingVerdict {
        let totals = perLine + perTotal + both + neither
        guard totals > 0 else { return TotalRoundingVerdict(rounding: .neither, evidence: "no totals observed") }
        let alsoBoth = both > 0 ? " (\(both.groupedText) more fit both)" : ""
        switch (perLine, perTotal, neither) {
        case (0, 0, 0):
            return TotalRoundingVerdict(rounding: .both, evidence: "all \(totals.groupedText) totals fit both per_line and per_total")
        case (let count, 0, 0):
            return TotalRoundingVerdict(rounding: .perLine, evidence: "per_line, \(count.groupedText)/\(count.groupedText) distinguishing totals\(alsoBoth)")
        case (0, let count, 0):
            return TotalRoundingVerdict(rounding: .perTotal, evidence: "per_total, \(count.groupedText)/\(count.groupedText) distinguishing totals\(alsoBoth)")
        default:
            return TotalRoundingVerdict(
                rounding: .neither,
                evidence: "no single rule explains all \(totals.groupedText) totals: per_line \(perLine.groupedText), "
                    + "per_total \(perTotal.groupedText), both \(both.groupedText), neither \(neither.groupedText)"
            )
        }
    }
}
