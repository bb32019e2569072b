/// How a value is rounded to fewer digits; raw values are the names used in config and reports.
///
/// What common runtimes do (verified facts; PostgreSQL 15):
///
/// | runtime / operation                                              | mode           |
/// | ---------------------------------------------------------------- | -------------- |
/// | PostgreSQL `round(numeric, s)`, `numeric(p,s)` coercion, numeric → integer casts | `half_up` |
/// | PostgreSQL `round(float8)`                                       | `half_even`    |
/// | PostgreSQL `money * float8`                                      | `half_even`    |
/// | PostgreSQL `money / int`                                         | `down`         |
/// | Python `decimal` (default context)                               | `half_even`    |
/// | Java `Math.round`, JavaScript `Math.round`                       | `half_ceiling` |
/// | .NET `Math.Round` / `decimal.Round` (default)                    | `half_even`    |
/// | COBOL without `ROUNDED`                                          | `down`         |
///
/// Only exact ties tell the six "half" modes apart: a positive tie with an even kept digit,
/// a positive tie with an odd kept digit, and a negative tie together separate
/// `half_up`, `half_down`, `half_even`, `half_odd`, `half_ceiling` and `half_floor`.
public enum RoundingMode: String, CaseIterable, Sendable {
    /// Away from zero whenever anything is discarded.
    case up = "up"
    /// Toward zero (truncate).
    case down = "down"
    /// Toward +∞.
    case ceiling = "ceiling"
    /// Toward −∞.
    case floor = "floor"
    /// To nearest, ties away from zero (PostgreSQL numeric).
    case halfUp = "half_up"
    /// To nearest, ties toward zero.
    case halfDown = "half_down"
    /// To nearest, ties to an even last digit (banker's rounding).
    case halfEven = "half_even"
    /// To nearest, ties to an odd last digit.
    case halfOdd = "half_odd"
    /// To nearest, ties toward +∞ (Java and JavaScript `Math.round`).
    case halfCeiling = "half_ceiling"
    /// To nearest, ties toward −∞.
    case halfFloor = "half_floor"

    /// Every mode that rounds `unrounded` to `stored` (equal by value) at `scale`.
    public static func modes(explaining stored: ExactDecimal, from unrounded: ExactDecimal, scale: Int) -> Set<RoundingMode> {
        Set(allCases.filter { unrounded.rounded(scale: scale, mode: $0) == stored })
    }

    /// How the discarded part compares with half a unit of the last kept digit.
    enum DiscardedPart {
        case zero
        case belowHalf
        case half
        case aboveHalf
    }

    /// Whether a truncated result moves one unit away from zero.
    /// - Parameters:
    ///   - discarded: what truncation dropped.
    ///   - negative: whether the exact value is negative.
    ///   - keptIsOdd: whether the truncated result's last digit is odd.
    func incrementsMagnitude(discarded: DiscardedPart, negative: Bool, keptIsOdd: Bool) -> Bool {
        switch (self, discarded) {
        case (_, .zero): return false
        case (.up, _): return true
        case (.down, _): return false
        case (.ceiling, _): return !negative
        case (.floor, _): return negative
        case (_, .belowHalf): return false
        case (_, .aboveHalf): return true
        case (.halfUp, .half): return true
        case (.halfDown, .half): return false
        case (.halfEven, .half): return keptIsOdd
        case (.halfOdd, .half): return !keptIsOdd
        case (.halfCeiling, .half): return !negative
        case (.halfFloor, .half): return negative
        }
    }
}
