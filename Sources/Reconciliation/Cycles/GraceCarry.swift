import Foundation

/// What to do with a key that differs at a cycle's close.
public enum CarryDecision: Sendable, Hashable {
    /// Report the key's findings in this cycle.
    case report
    /// Compare the key again in the next cycle instead (once).
    case carry
}

/// Decides whether a differing key is carried: shadow writes land on the two systems at slightly different times.
public enum GraceCarry {
    /// Carry when a side's latest commit for the key in `window` is within `grace` before its end and the key was not carried before.
    public static func decide(
        window: CycleWindow, grace: Duration, legacyLastCommit: Date?, newLastCommit: Date?, alreadyCarried: Bool
    ) -> CarryDecision {
        guard !alreadyCarried else { return .report }
        let graceStart = window.end.addingTimeInterval(-grace.timeInterval)
        let late = [legacyLastCommit, newLastCommit].contains { commit in
            guard let commit else { return false }
            return commit >= graceStart && commit < window.end
        }
        return late ? .carry : .report
    }
}
