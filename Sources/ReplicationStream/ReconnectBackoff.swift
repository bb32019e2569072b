/// Exponential delays between reconnect attempts, capped, with random jitter.
public struct ReconnectBackoff: Hashable, Sendable {
    /// The delay before the first reconnect attempt.
    public var initial: Duration
    /// The longest delay.
    public var maximum: Duration
    /// The fraction (0…1) by which a delay is randomly shortened, so many clients do not reconnect in step.
    public var jitter: Double

    /// Creates a backoff; the defaults are 0.5 s doubling up to 30 s, shortened by up to 20 %.
    public init(initial: Duration = .milliseconds(500), maximum: Duration = .seconds(30), jitter: Double = 0.2) {
        self.initial = initial
        self.maximum = maximum
        self.jitter = min(max(jitter, 0), 1)
    }

    /// The delay before reconnect attempt `attempt` (1-based): `initial · 2^(attempt−1)`, capped, times `1 − jitter · random`.
    public func delay(attempt: Int, random: Double) -> Duration {
        let doublings = min(max(attempt - 1, 0), 40)
        let capped = min(initial * (1 << doublings), maximum)
        return capped * (1 - jitter * min(max(random, 0), 1))
    }
}
