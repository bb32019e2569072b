import LogicalReplication

/// How long committed transactions took to become durable: for each, the local clock when the
/// consumer made it durable minus its commit time on the source's clock, in whole milliseconds.
///
/// Exact counts per millisecond, so percentiles are exact at that resolution. A negative lag
/// (the source's clock ahead of ours) counts as 0.
public struct CommitLag: Hashable, Sendable {
    private var counts: [Int: Int] = [:]
    /// How many transactions were recorded.
    public private(set) var transactions = 0

    /// No transactions recorded.
    public init() {}

    /// Records one transaction committed at `commitTime` and durable at `durableTime`.
    public mutating func record(commitTime: PostgresTimestamp, durableTime: PostgresTimestamp) {
        let microseconds = durableTime.microsecondsSince2000.subtractingReportingOverflow(commitTime.microsecondsSince2000)
        let milliseconds = microseconds.overflow ? 0 : Int(max(0, microseconds.partialValue) / 1_000)
        counts[milliseconds, default: 0] += 1
        transactions += 1
    }

    /// How many transactions took at most `milliseconds`.
    public func count(atMost milliseconds: Int) -> Int {
        counts.reduce(0) { $0 + ($1.key <= milliseconds ? $1.value : 0) }
    }

    /// The lags added up, in milliseconds.
    public var totalMilliseconds: Int {
        counts.reduce(0) { $0 + $1.key * $1.value }
    }

    /// The `percent`-th percentile in milliseconds (nearest rank: the smallest lag that at least
    /// `percent`% of the transactions did not exceed); nil when none were recorded.
    public func percentile(_ percent: Int) -> Int? {
        guard transactions > 0 else { return nil }
        let rank = max(1, (transactions * percent + 99) / 100)
        var seen = 0
        for (milliseconds, count) in counts.sorted(by: { $0.key < $1.key }) {
            seen += count
            if seen >= rank { return milliseconds }
        }
        return nil  // unreachable: the counts add up to `transactions`
    }
}
