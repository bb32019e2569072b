import ParityModel

extension TotalRoundingEvidence {
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
