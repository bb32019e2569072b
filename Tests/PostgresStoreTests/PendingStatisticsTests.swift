import ParityModel
import PostgresClient
@testable import PostgresStore
import Testing

/// A close task analyzes its pending changes when their statistics no longer describe them. Analyzed while a partition
/// held one side's changes only, they once had the planner walk all of the other side's changes for each key it looked
/// up, through pending_change_by_time (dropped by migration 012); the close's plans rest on fresh statistics still.
@Suite("PostgreSQL store: statistics of a close task's pending changes")
struct PendingStatisticsTests {
    /// The one part (and partition, with 16 parts) the changes are written to.
    static let part = 5

    /// Writes `count` changes of `orders` on `side` into ``part``, keys `k1`…, as capture would have.
    static func insertChanges(_ connection: PostgresConnection, side: String, count: Int, lsn: Int) throws {
        try connection.execute(unsafeScript: """
            INSERT INTO pending_change (part, side, mapping, row_key, commit_lsn, seq, op, xid, commit_time, row_values)
            SELECT \(part), '\(side)', 'orders', 'k' || k, \(lsn) + k, 0, 'update', k, 10 + k, 'v' || k
            FROM generate_series(1, \(count)) AS k;
            SELECT pg_stat_force_next_flush();
            """)
    }

    /// The plan the close's look-up of a key's last pending change (``PendingState/lastChangeQuery(side:mapping:key:part:before:)``)
    /// gets on `side`, with its values bound as the store binds them.
    static func lookupPlan(_ connection: PostgresConnection, side: SourceSide) throws -> String {
        let lookup = PendingState.lastChangeQuery(side: side, mapping: "orders", key: "k1500", part: part, before: 1_000_000)
        return try connection.query(PostgresQuery(unsafeSQL: "EXPLAIN " + lookup.sql, binds: lookup.binds)).rows
            .map { try $0.decode(String.self, "QUERY PLAN") }.joined(separator: "\n")
    }

    /// Whether `plan` finds the key through an index (`row_key` in its index condition, not filtered row by row).
    static func usesKeyIndex(_ plan: String) -> Bool {
        plan.split(separator: "\n").contains { $0.contains("Index Cond") && $0.contains("row_key") }
    }

    /// How a close is run: by tasks over ranges of parts, or in one transaction.
    enum Close: CaseIterable {
        case tasks, whole
    }

    @Test("a close analyzes a partition when one side's changes came after its last analyze: a key's look-up then uses the key's index",
          arguments: Close.allCases)
    func oneSideAfterAnalyze(close: Close) throws {
        let test = try TestStore(partitions: 16)
        let connection = try test.database.connect()
        defer { connection.close() }
        try Self.insertChanges(connection, side: "legacy", count: 20_000, lsn: 1_000)
        try connection.execute(unsafeScript: "ANALYZE pending_change")
        try Self.insertChanges(connection, side: "new", count: 20_000, lsn: 100_000)

        let plan = PartitionedCloseTests.plan()
        switch close {
        case .tasks:
            #expect(try test.store.planClose(plan) != nil)
            while try test.store.runCloseTask(wait: false, { _, _ in "" }) {}
        case .whole:
            #expect(try test.store.closeCycle(id: plan.cycle.id, foldBefore: nil) { _ in PartitionedCloseTests.close(plan) } != nil)
        }

        let lookup = try Self.lookupPlan(connection, side: .new)
        #expect(Self.usesKeyIndex(lookup), "\(lookup)")
        #expect(try test.store.write { try PendingStatistics.refresh(parts: 0...15, in: $0) } == [], "analyzed once")
    }

    @Test("a partition with fewer changes since its last analyze than the threshold, or a tenth of its rows, is left alone")
    func freshEnough() throws {
        let test = try TestStore(partitions: 16)
        let connection = try test.database.connect()
        defer { connection.close() }
        try Self.insertChanges(connection, side: "legacy", count: PendingStatistics.staleChanges - 1, lsn: 1_000)
        #expect(try test.store.write { try PendingStatistics.refresh(parts: 0...15, in: $0) } == [], "below the threshold")
        try Self.insertChanges(connection, side: "new", count: 1, lsn: 10_000)
        let analyzed = try test.store.write { try PendingStatistics.refresh(parts: 0...15, in: $0) }
        #expect(analyzed.count == 1, "at the threshold, never analyzed")
        try Self.insertChanges(connection, side: "new", count: 1_050, lsn: 20_000)
        #expect(try test.store.write { try PendingStatistics.refresh(parts: 0...15, in: $0) } == [],
                "1,050 changes after 1,000 rows: under 1,000 plus a tenth")
        #expect(try test.store.write { try PendingStatistics.refresh(parts: 6...15, in: $0) } == [], "other parts")
        try Self.insertChanges(connection, side: "new", count: 60, lsn: 30_000)
        #expect(try test.store.write { try PendingStatistics.refresh(parts: Self.part...Self.part, in: $0) } == analyzed)
    }
}
