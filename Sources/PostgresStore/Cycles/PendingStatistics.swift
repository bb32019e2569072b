import PostgresClient

/// Fresh planner statistics for the `pending_change` partitions a close task reads.
///
/// A task looks up keys' pending changes one by one (``PendingState/lastChange(side:mapping:key:part:before:in:)``). If a
/// partition was analyzed while it held one side's changes only (a batch on one source, the other quiet), the planner
/// may take the other side's changes for none and walk all of them for each key (through the primary key), where the
/// key's own index reads a few blocks. Autovacuum analyzes such a partition only on its next pass, so the task analyzes
/// it first.
enum PendingStatistics {
    /// A partition is analyzed when at least `staleChanges` changes were written or removed since its last analyze, plus
    /// one in `staleShare` of the rows it held then: below that, a plan that walks a part's changes costs little.
    static let staleChanges = 1_000
    static let staleShare = 10

    /// Analyzes the partitions of `pending_change` holding changes of `parts` whose statistics are stale. Returns their
    /// names. The analyze locks a partition against another analyze or vacuum until the transaction ends, not against
    /// writes; its statistics serve this transaction's statements at once, other sessions' from its commit.
    @discardableResult
    static func refresh(parts: ClosedRange<Int>, in transaction: StoreTransaction) throws -> [String] {
        let stale = try transaction.rows("""
            SELECT c.oid::regclass::text AS partition
            FROM pg_inherits AS i JOIN pg_class AS c ON c.oid = i.inhrelid JOIN pg_stat_user_tables AS s ON s.relid = c.oid
            WHERE i.inhparent = 'pending_change'::regclass
                AND s.n_mod_since_analyze >= \(staleChanges) + greatest(c.reltuples, 0)::bigint / \(staleShare)
            ORDER BY 1
            """).map { try $0.text("partition") }
        // Those holding a change of `parts`, whatever the partitions' bounds: one probe of the primary key, led by (part, commit_time).
        let analyzed = try stale.filter { partition in
            try transaction.row(PostgresQuery(unsafeSQL: """
                SELECT 1 FROM \(partition) WHERE part BETWEEN \(parts.lowerBound) AND \(parts.upperBound) LIMIT 1
                """)) != nil
        }
        for partition in analyzed {
            try transaction.execute(PostgresQuery(unsafeSQL: "ANALYZE \(partition)"))
        }
        return analyzed
    }
}
