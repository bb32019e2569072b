import ParityConfig
import ParityModel

/// Disposition rules that no longer match anything.
public enum StaleRules {
    /// Rules that matched no finding in each of the last `cycles` cycles of `matchCountsByCycle` (oldest first).
    ///
    /// Nothing is stale until at least `cycles` cycles have been recorded.
    public static func staleRules(
        _ rules: [DispositionRule], matchCountsByCycle: [[DispositionRule: Int]], cycles: Int
    ) -> [DispositionRule] {
        guard cycles > 0, matchCountsByCycle.count >= cycles else { return [] }
        let recent = matchCountsByCycle.suffix(cycles)
        return rules.filter { rule in recent.allSatisfy { ($0[rule] ?? 0) == 0 } }
    }
}
