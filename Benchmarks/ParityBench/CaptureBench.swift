import Foundation
import ParityTestSupport
import PostgresClient

/// One throwaway cluster with a `legacy` and a `modern` database, Parity initialized on both, and
/// a second slot on the loaded database for pg_recvlogical, so both consumers read the same WAL. The store is a SQLite file in the
/// work folder, or the PostgreSQL database at `storeURL`.
final class CaptureBench {
    let cluster: PostgresCluster
    let parityBinary: String
    let configPath: String
    /// Holds the config, the store and the pgbench scripts.
    let work: String
    let binaries: ServerBinaries
    private var round = 0

    init(parityBinary: String, storeURL: String? = nil) throws {
        self.parityBinary = parityBinary
        binaries = try ServerBinaries.locate()
        cluster = try PostgresCluster.start(settings: [
            "shared_buffers": "512MB", "max_wal_size": "8GB", "checkpoint_timeout": "30min",
        ])
        work = NSTemporaryDirectory() + "parity-bench-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        configPath = work + "/parity.yaml"
        for database in ["legacy", "modern"] {
            try cluster.createDatabase(database)
            try cluster.run("""
                CREATE TABLE t (id bigint PRIMARY KEY, payload text, amount numeric(12,2), created_at timestamptz DEFAULT now());
                CREATE TABLE t2 (id bigserial PRIMARY KEY, payload text, amount numeric(12,2));
                """, database: database)
        }
        try """
            store: { \(storeURL.map { "url: \"\($0)\"" } ?? "path: \"\(work)/parity.sqlite\"") }
            sources:
              legacy: { dsn: "\(cluster.dsn(database: "legacy"))", watch_schemas: [] }
              new: { dsn: "\(cluster.dsn(database: "modern"))" }
            tables:
              - { name: t, legacy: public.t, new: public.t, key: { legacy: [id], new: [id] },
                  columns: [{ legacy: payload, new: payload }, { legacy: amount, new: amount, type: decimal },
                            { legacy: created_at, new: created_at, type: timestamptz }] }
              - { name: t2, legacy: public.t2, new: public.t2, key: { legacy: [id], new: [id] },
                  columns: [{ legacy: payload, new: payload }, { legacy: amount, new: amount, type: decimal }] }
            """.write(toFile: configPath, atomically: true, encoding: .utf8)
        let initRun = try CommandRunner.run([parityBinary, "init", "--config", configPath])
        guard initRun.status == 0 else { throw ClusterError("parity init failed: \(initRun.output)", fix: "see above") }
        for database in ["legacy", "modern"] {
            try cluster.run("CREATE PUBLICATION bench_pub FOR TABLE t, t2", database: database)
        }
    }

    /// Stops and removes the cluster, and removes the store.
    func stop() {
        cluster.stop()
        try? FileManager.default.removeItem(atPath: work)
    }

    /// Loads `load` into legacy with both consumers behind, then times each catching up.
    func measure(name: String, rows: Int, unit: String, load: String) throws -> BenchResult {
        try settleSlots()
        let slot = try prepareRecvSlot(database: "legacy")
        try cluster.run(load, database: "legacy")
        return try race(name: name, rows: rows, unit: unit, slot: slot, database: "legacy")
    }

    /// A pgbench stream of single-row transactions into `database` (`legacy` or `modern`: capture keeps which tables
    /// each transaction wrote for legacy alone), then both consumers catch up.
    func measureSmallTransactions(count: Int, name: String, database: String = "legacy") throws -> BenchResult {
        try settleSlots()
        let slot = try prepareRecvSlot(database: database)
        let script = work + "/small-transactions.sql"
        try "INSERT INTO t2 (payload, amount) VALUES (md5(random()::text), (random() * 1000)::numeric(12,2));\n"
            .write(toFile: script, atomically: true, encoding: .utf8)
        let clients = 4
        let pgbench = try CommandRunner.run([
            binaries.path("pgbench"), "-h", "127.0.0.1", "-p", String(cluster.port), "-U", "postgres", "-n",
            "-c", String(clients), "-j", "2", "-t", String(count / clients), "-f", script, database,
        ])
        guard pgbench.status == 0 else { throw ClusterError("pgbench failed: \(pgbench.output)", fix: "see above") }
        return try race(name: name, rows: count, unit: "transactions/s", slot: slot, database: database)
    }

    /// Moves Parity's slots' restart positions to where capture has confirmed, untimed, as pg_recvlogical's fresh slot
    /// starts. A slot restarts decoding at its last `running_xacts` record before the confirmed position, which can
    /// lie before the previous measurement's load: the next capture's walsender would decode that load again
    /// (1M rows: about 1.5 s here) before the one measured. A connection that decodes a checkpoint's record and
    /// confirms past it moves the restart position there.
    private func settleSlots() throws {
        try cluster.run("CHECKPOINT", database: "legacy")
        for _ in 0..<2 {
            let settle = try CommandRunner.run([parityBinary, "capture", "--config", configPath, "--until-caught-up", "--timeout", "5m"])
            guard settle.status == 0 else { throw ClusterError("parity capture failed: \(settle.output)", fix: "see above") }
        }
    }

    /// A fresh pg_recvlogical slot on `database` at the current position.
    private func prepareRecvSlot(database: String) throws -> String {
        round += 1
        let slot = "recv_\(round)"
        try cluster.run("SELECT pg_create_logical_replication_slot('\(slot)', 'pgoutput')", database: database)
        return slot
    }

    private func race(name: String, rows: Int, unit: String, slot: String, database: String) throws -> BenchResult {
        let end = try cluster.connect(database: database).query("SELECT pg_current_wal_lsn()::text AS lsn").singleRow()["lsn"] ?? ""
        let parityStart = Date()
        let parity = try RunningProcess([parityBinary, "capture", "--config", configPath, "--until-caught-up", "--timeout", "20m"])
        let (parityStatus, peak) = parity.waitWithPeakMemory()
        let paritySeconds = Date().timeIntervalSince(parityStart)
        guard parityStatus == 0 else { throw ClusterError("parity capture failed: \(parity.output)", fix: "see above") }

        let recvStart = Date()
        let recv = try CommandRunner.run([
            binaries.path("pg_recvlogical"), "-h", "127.0.0.1", "-p", String(cluster.port), "-U", "postgres", "-d", database,
            "-S", slot, "--start", "--endpos=\(end)", "-F", "0", "-o", "proto_version=1", "-o", "publication_names=bench_pub",
            "-f", "/dev/null",
        ])
        let recvSeconds = Date().timeIntervalSince(recvStart)
        guard recv.status == 0 else { throw ClusterError("pg_recvlogical failed: \(recv.output)", fix: "see above") }
        try cluster.run("SELECT pg_drop_replication_slot('\(slot)')", database: database)
        return BenchResult(
            name: name, figure: Double(rows) / paritySeconds, unit: unit, peer: "pg_recvlogical",
            peerFigure: Double(rows) / recvSeconds, rows: rows, peakRSSMegabytes: Double(peak) / 1_048_576)
    }
}
