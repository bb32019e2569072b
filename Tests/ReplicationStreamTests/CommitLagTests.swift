import LogicalReplication
import ReplicationStream
import Testing

@Suite("Commit-to-durable lag")
struct CommitLagTests {
    func record(_ lag: inout CommitLag, microseconds: Int64) {
        lag.record(
            commitTime: PostgresTimestamp(microsecondsSince2000: 1_000_000_000),
            durableTime: PostgresTimestamp(microsecondsSince2000: 1_000_000_000 + microseconds))
    }

    @Test("percentiles are nearest-rank over whole milliseconds")
    func nearestRank() {
        var lag = CommitLag()
        #expect(lag.percentile(50) == nil)
        for milliseconds in 1...100 { record(&lag, microseconds: Int64(milliseconds) * 1_000 + 999) }
        #expect(lag.transactions == 100)
        #expect(lag.percentile(50) == 50)
        #expect(lag.percentile(99) == 99)
        #expect(lag.percentile(100) == 100)
        #expect(lag.percentile(0) == 1)
    }

    @Test("a few slow transactions show at p99, not at p50")
    func tail() {
        var lag = CommitLag()
        for _ in 0..<98 { record(&lag, microseconds: 4_000) }
        for _ in 0..<2 { record(&lag, microseconds: 2_500_000) }
        #expect(lag.percentile(50) == 4)
        #expect(lag.percentile(98) == 4)
        #expect(lag.percentile(99) == 2_500)
    }

    @Test("a source clock ahead of ours counts as no lag")
    func negative() {
        var lag = CommitLag()
        record(&lag, microseconds: -3_000)
        #expect(lag.percentile(50) == 0)
    }
}
