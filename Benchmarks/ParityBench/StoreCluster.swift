import Foundation
import ParityTestSupport
import PostgresClient

/// The PostgreSQL store's own throwaway cluster, loopback only, apart from the sources' cluster and tuned as a store
/// rather than as a test cluster: durable (fsync and full page writes back on), commits not waited for as SQLite's
/// `synchronous = NORMAL` does not wait, room for the row state in memory and for a close's WAL between checkpoints,
/// and pg_stat_statements to say where a close's time goes.
final class StoreCluster {
    /// The settings over the test clusters' defaults (``PostgresCluster/defaultSettings``), as RESULTS.md records them.
    static let settings: [String: String] = [
        "fsync": "on", "full_page_writes": "on", "synchronous_commit": "off", "wal_level": "replica",
        "shared_buffers": "2GB", "effective_cache_size": "8GB", "work_mem": "64MB", "maintenance_work_mem": "512MB",
        "wal_buffers": "64MB", "wal_compression": "lz4", "max_wal_size": "16GB", "min_wal_size": "1GB",
        "checkpoint_timeout": "30min", "checkpoint_completion_target": "0.9", "random_page_cost": "1.1",
        "shared_preload_libraries": "'pg_stat_statements'", "pg_stat_statements.track": "top", "track_io_timing": "on",
    ]

    let cluster: PostgresCluster
    /// The store's database, created empty (Parity's migrations make its tables).
    static let database = "parity_store"

    init() throws {
        cluster = try PostgresCluster.start(settings: Self.settings)
        try cluster.createDatabase(Self.database)
        // In the maintenance database: its view shows every database's statements, and the store's stays empty.
        try cluster.run("CREATE EXTENSION pg_stat_statements")
    }

    /// The store's `store.url`: the `postgres` role over loopback, trust authentication.
    var url: String { "postgres://postgres@127.0.0.1:\(cluster.port)/\(Self.database)" }

    /// The settings as one line, for the benchmark's output.
    static var described: String {
        settings.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
    }

    func stop() {
        cluster.stop()
    }

    /// Forgets the statements counted so far.
    func resetStatements() throws {
        try cluster.run("SELECT pg_stat_statements_reset()")
    }

    /// The store's statements that took the most time since the last reset, as lines
    /// `total ms, calls, rows, blocks found in shared buffers, blocks read from outside them and the time spent reading,
    /// the statement's start`: a statement slow from its plan touches many blocks, one slow from cold pages waits on reads.
    func topStatements(_ count: Int = 6) throws -> [String] {
        let connection = try cluster.connect()
        defer { connection.close() }
        return try connection.query("""
            SELECT round(s.total_exec_time)::bigint AS ms, s.calls, s.rows, s.shared_blks_hit AS hits, s.shared_blks_read AS reads,
                round(s.blk_read_time)::bigint AS read_ms, left(regexp_replace(s.query, '\\s+', ' ', 'g'), 150) AS query
            FROM pg_stat_statements AS s JOIN pg_database AS d ON d.oid = s.dbid
            WHERE d.datname = \(Self.database) ORDER BY s.total_exec_time DESC LIMIT \(count)
            """).rows.map { row in
            String(format: "%9ld ms %7ld calls %10ld rows %10ld hit %9ld read in %6ld ms  ", try row.decode(Int64.self, "ms"),
                   try row.decode(Int64.self, "calls"), try row.decode(Int64.self, "rows"), try row.decode(Int64.self, "hits"),
                   try row.decode(Int64.self, "reads"), try row.decode(Int64.self, "read_ms")) + (row["query"] ?? "")
        }
    }

    /// What the planner knows of `pending_change` while a close runs, and the plan it makes now for a close task's look-up
    /// of a key's last pending change (`PendingState.lastChange`, for a key changed on one side only): per partition its
    /// live rows, rows changed since it was last analyzed, and the distinct keys its statistics count (negative: a share
    /// of its rows), and when it was last analyzed. A look-up slow from its plan walks a part's changes; stale statistics
    /// would say why. The statement is a copy of `PendingState.lastChangeQuery` (the store does not publish its SQL): change
    /// both together.
    func pendingChangePlanner() throws -> [String] {
        let connection = try cluster.connect(database: Self.database)
        defer { connection.close() }
        let partitions = try connection.query("""
            SELECT s.relname AS name, s.n_live_tup AS live, s.n_mod_since_analyze AS modified,
                coalesce((SELECT round(n_distinct::numeric, 2)::text FROM pg_stats WHERE tablename = s.relname AND attname = 'row_key'), '-')
                    AS keys,
                coalesce(round(extract(epoch FROM now() - greatest(s.last_analyze, s.last_autoanalyze)))::text || ' s ago', 'never')
                    AS analyzed
            FROM pg_stat_user_tables AS s WHERE s.relname LIKE 'pending_change_%' ORDER BY length(s.relname), s.relname
            """).rows.map { row in
            "\(row["name"] ?? "") \(row["live"] ?? "")/\(row["modified"] ?? "")/\(row["keys"] ?? "")/\(row["analyzed"] ?? "")"
        }
        var lines = ["partitions (live rows/changed since analyzed/distinct keys/analyzed): " + partitions.joined(separator: ", ")]
        if let key = try connection.query("SELECT part, mapping, row_key FROM row_state WHERE side = 'new' LIMIT 1").rows.first {
            let plan = try connection.query("""
                EXPLAIN SELECT op, row_values FROM pending_change
                WHERE part = \(try key.decode(Int.self, "part")) AND side = 'legacy' AND mapping = \(key["mapping"] ?? "")
                    AND row_key = \(key["row_key"] ?? "") AND commit_time < \(Int64.max)
                ORDER BY commit_lsn DESC, seq DESC LIMIT 1
                """).rows.map { $0["QUERY PLAN"] ?? "" }
            lines += ["the look-up's plan now:"] + plan.map { "  " + $0 }
        }
        return lines
    }

    /// The store database's size in bytes.
    func databaseBytes() throws -> Int64 {
        let connection = try cluster.connect()
        defer { connection.close() }
        return try connection.query("SELECT pg_database_size(\(Self.database)) AS bytes").singleRow().decode(Int64.self, "bytes")
    }
}
