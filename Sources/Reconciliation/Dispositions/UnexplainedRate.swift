import ExactNumeric
import ParityConfig
import ParityModel

/// The unexplained diff rate: findings with no disposition or with `match`, over keys compared.
public enum UnexplainedRate {
    /// Whether `finding` counts as an unexplained row difference: a row finding (not hidden state, which the gate
    /// judges on its own), not `within_tolerance` (the configured tolerance explains it), and no disposition other than `match`.
    public static func isUnexplained(_ finding: Finding, matcher: DispositionMatcher) -> Bool {
        guard ![.withinTolerance, .hiddenStateUnmapped, .unmappedWrites].contains(finding.kind) else { return false }
        let disposition = matcher.rule(for: finding)?.disposition
        return disposition == nil || disposition == .match
    }

    /// The rate as a decimal string with 6 places, rounded half-even; `"0.000000"` when no key was compared.
    public static func rate(findings: [Finding], matcher: DispositionMatcher, keysCompared: Int) -> String {
        rate(unexplained: findings.count { isUnexplained($0, matcher: matcher) }, keysCompared: keysCompared)
    }

    /// `unexplained / keysCompared` with 6 places, rounded half-even; `"0.000000"` when no key was compared.
    public static func rate(unexplained: Int, keysCompared: Int) -> String {
        guard keysCompared > 0,
              let quotient = try? ExactDecimal(coefficient: unexplained).divided(
                  by: ExactDecimal(coefficient: keysCompared), scale: 6, rounding: .halfEven
              ) else { return "0.000000" }
        return quotient.description
    }
}
