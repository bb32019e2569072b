import ParityConfig

/// A category decided `match` (a defect the new system must fix) whose open differences went to none after the
/// decision and came back: it is reopened until someone decides it again.
public struct Reopening: Sendable, Equatable {
    /// The first cycle after the decision at whose end none was open.
    public var fixedIn: Int64
    /// The first later cycle at whose end some were open again.
    public var backIn: Int64

    /// Creates a reopening.
    public init(fixedIn: Int64, backIn: Int64) {
        self.fixedIn = fixedIn
        self.backIn = backIn
    }

    /// The reopening of `decision`, if any, from the category's open differences at each closed cycle's end
    /// (`openByCycle`, in cycle order): open at or after the cycle it was decided after, then none, then open again.
    public static func of(_ decision: DispositionDecision, openByCycle: [(cycle: Int64, open: Int)]) -> Reopening? {
        guard decision.disposition == .match else { return nil }
        var wasOpen = false
        var fixed: Int64?
        for (cycle, open) in openByCycle where cycle >= (decision.afterCycle ?? 0) {
            if let fixed, open > 0 { return Reopening(fixedIn: fixed, backIn: cycle) }
            if open > 0 { wasOpen = true } else if wasOpen, fixed == nil { fixed = cycle }
        }
        return nil
    }

    /// `none open at cycle 5, open again at cycle 7`.
    public var text: String { "none open at cycle \(fixedIn), open again at cycle \(backIn)" }
}
