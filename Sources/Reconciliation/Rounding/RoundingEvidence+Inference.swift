import ExactNumeric
import ParityModel

extension RoundingEvidence {
    /// Fewest ties of each needed kind (positive even, positive odd, negative) before a mode is named.
    public static let minimumTiesPerKind = 3

    /// The mode this side behaves as, binary floating point, or why neither can be said.
    ///
    /// A mode is named only when it explains every row and the ties include `minimumTiesPerKind`
    /// positive even, positive odd and (when any value is negative) negative ties. Modes that still
    /// agree are named as indistinguishable, the most common first.
    public func inference() -> RoundingInference {
        guard rows > 0 else { return .undetermined(reason: "no rows observed") }
        if let binaryFloat = binaryFloatInference() { return binaryFloat }
        let agreeing = RoundingMode.byCommonness.filter { Self.count(agreeingRows, $0) == rows }
        guard let chosen = agreeing.first else {
            let best = RoundingMode.byCommonness.reduce(RoundingMode.halfUp) { best, mode in
                Self.count(agreeingRows, mode) > Self.count(agreeingRows, best) ? mode : best
            }
            return .undetermined(
                reason: "no single mode explains all \(rows.groupedText) rows: best \(best.rawValue) "
                    + "\(Self.count(agreeingRows, best).groupedText)/\(rows.groupedText)"
            )
        }
        let needed = neededTieKinds
        let short = needed.filter { $0.count < Self.minimumTiesPerKind }
        guard short.isEmpty else {
            let counts = short.map { "\($0.count.groupedText) \($0.name) tie\($0.count == 1 ? "" : "s")" }
            return .undetermined(
                reason: "only \(counts.joined(separator: ", ")) "
                    + "(need \(Self.minimumTiesPerKind) of each: \(needed.map(\.name).joined(separator: ", ")))"
            )
        }
        var evidence = "\(chosen.rawValue), \(Self.count(agreeingTies, chosen).groupedText)/\(ties.groupedText) ties"
        let others = agreeing.dropFirst().map(\.rawValue)
        if !others.isEmpty {
            let why = negativeRows == 0 ? "no negative values" : "no row tells them apart"
            evidence += " (indistinguishable from \(others.joined(separator: ", ")): \(why))"
        }
        return .mode(chosen, evidence: evidence)
    }

    /// The tie kinds that must be seen to separate the half modes; negative ties only when negative values occur.
    private var neededTieKinds: [(name: String, count: Int)] {
        let positive = [("positive even", positiveEvenTies), ("positive odd", positiveOddTies)]
        return negativeRows > 0 ? positive + [("negative", negativeTies)] : positive
    }

    /// `.binaryFloat` when ties round as binary doubles do: at least `minimumTiesPerKind` binary-inexact
    /// ties, no half mode explains them all on their decimal values, every non-tie rounds to nearest, and
    /// either every inexact tie follows its double's direction (code rounding the exact double, like
    /// `printf("%.2f")`), or every tie follows one half mode except at least `minimumTiesPerKind` that
    /// only their double explains (code scaling the double first, like `(x * 100).rounded()`).
    private func binaryFloatInference() -> RoundingInference? {
        let inexact = binaryInexactTies
        let nonTiesRoundToNearest = Self.count(agreeingRows, .halfUp) - Self.count(agreeingTies, .halfUp) == rows - ties
        guard inexact >= Self.minimumTiesPerKind, nonTiesRoundToNearest,
              RoundingMode.halfModes.allSatisfy({ Self.count(decimalTieRuleAgreements, $0) < inexact }) else { return nil }
        let followed = RoundingMode.halfModes.filter { Self.count(tieRuleOrBinaryAgreements, $0) == ties }
        let counts = "(\(binaryDirectionAgreements.groupedText)/\(inexact.groupedText) inexact ties)"
        if binaryDirectionAgreements == inexact {
            let exactTies = binaryExactTies == 0
                ? "no exact binary ties observed"
                : "exact binary ties follow \(RoundingMode.mostCommon(in: followed)?.rawValue ?? "no single mode")"
            return .binaryFloat(evidence: "ties like 1.005 round as their binary double does \(counts); \(exactTies)")
        }
        let rule = RoundingMode.mostCommon(
            in: followed.filter { inexact - Self.count(decimalTieRuleAgreements, $0) >= Self.minimumTiesPerKind }
        )
        guard let rule else { return nil }
        return .binaryFloat(
            evidence: "ties like 1.005 round as their binary double does \(counts); other ties follow \(rule.rawValue)"
        )
    }

    private static func count(_ counts: [String: Int], _ mode: RoundingMode) -> Int {
        counts[mode.rawValue] ?? 0
    }
}
