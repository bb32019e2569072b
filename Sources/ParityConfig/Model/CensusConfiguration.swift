/// Sampling of legacy client sessions while capturing (`census:`).
public struct CensusConfiguration: Sendable, Hashable {
    /// Time between `pg_stat_activity` samples.
    public var interval: Duration

    /// Creates a census configuration.
    public init(interval: Duration = .seconds(30)) {
        self.interval = interval
    }
}
