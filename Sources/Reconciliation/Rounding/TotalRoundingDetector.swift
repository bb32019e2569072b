import ExactNumeric
import ParityModel

/// Tells, for one total, whether it was rounded per line or once over the total.
public enum TotalRoundingDetector {
    /// Which rules give `storedTotal`: per line (sum of stored lines) and per total (sum of unrounded lines rounded at `scale` with `mode`).
    public static func detect(
        lines: [(unrounded: ExactDecimal, stored: ExactDecimal)], storedTotal: ExactDecimal, scale: Int, mode: RoundingMode
    ) -> TotalRounding {
        let storedSum = lines.reduce(ExactDecimal.zero) { $0 + $1.stored }
        let unroundedSum = lines.reduce(ExactDecimal.zero) { $0 + $1.unrounded }
        switch (storedTotal == storedSum, storedTotal == unroundedSum.rounded(scale: scale, mode: mode)) {
        case (true, true): return .both
        case (true, false): return .perLine
        case (false, true): return .perTotal
        case (false, false): return .neither
        }
    }
}
