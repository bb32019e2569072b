/// When `parity run` verifies the store against the sources, and how old a verification the gate accepts (`verify:`).
public struct VerifyConfiguration: Sendable, Hashable {
    /// How often `parity run` runs `verify --sources` and `verify --state` after a close.
    public var schedule: VerifySchedule
    /// The oldest clean `verify --sources` the gate accepts.
    public var maxAge: Duration

    /// Creates a verify configuration.
    public init(schedule: VerifySchedule = .weekly, maxAge: Duration = .seconds(8 * 86_400)) {
        self.schedule = schedule
        self.maxAge = maxAge
    }
}

/// How often the service verifies (`verify.schedule`).
public enum VerifySchedule: String, Sendable, Hashable, CaseIterable {
    /// Never by itself: `parity verify` by hand or from cron.
    case off
    /// At the first close of each day.
    case daily
    /// At the first close once a week has passed since the last verification.
    case weekly

    /// The time between scheduled verifications; nil when off.
    public var period: Duration? {
        switch self {
        case .off: nil
        case .daily: .seconds(86_400)
        case .weekly: .seconds(7 * 86_400)
        }
    }
}
