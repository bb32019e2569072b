import Foundation
import ParityModel
import ParityTestSupport
import PostgresClient

/// Two throwaway clusters, legacy and new, each holding a pgbench database (`pgbench -i` at `scale`, history given a
/// `bigserial` key) and the bulk table, with `parity init` run on both. Bulk transactions stream: each cluster's
/// `logical_decoding_work_mem` is 64kB. The store is a SQLite file, or a database on a third throwaway cluster.
final class SoakScenario {
    let legacy: PostgresCluster
    let new: PostgresCluster
    /// The PostgreSQL store's cluster (database `store`); nil with the SQLite store.
    let storeCluster: PostgresCluster?
    let binaries: ServerBinaries
    let parityBinary: String
    let configPath: String
    /// The SQLite store's file (unused with the PostgreSQL store).
    let storePath: String
    /// Holds the config, the store and the pgbench script.
    let scratch: ScratchDirectory

    init(parityBinary: String, scale: Int, store: SoakStore) throws {
        self.parityBinary = parityBinary
        binaries = try ServerBinaries.locate()
        let settings = ["logical_decoding_work_mem": "64kB", "max_wal_size": "4GB"]
        legacy = try PostgresCluster.start(settings: settings)
        new = try PostgresCluster.start(settings: settings)
        storeCluster = store == .postgres ? try PostgresCluster.start(settings: ["max_wal_size": "4GB"]) : nil
        try storeCluster?.createDatabase("store")
        scratch = try ScratchDirectory("soak")
        storePath = scratch.file("parity.sqlite")
        configPath = scratch.file("parity.yaml")
        for side in SourceSide.allCases {
            try cluster(side).createDatabase(side.database)
            let initialize = try CommandRunner.run(
                [binaries.path("pgbench"), "-i", "-q", "-s", String(scale)] + connection(side) + [side.database])
            guard initialize.status == 0 else { throw SoakError("pgbench -i failed: \(initialize.output)") }
            try cluster(side).run("""
                ALTER TABLE pgbench_history ADD COLUMN id bigserial PRIMARY KEY;
                CREATE TABLE soak_bulk (id bigserial PRIMARY KEY, batch bigint NOT NULL, n int NOT NULL, note text);
                """, database: side.database)
        }
        let storeYAML = storeCluster.map { "store: { url: \"postgres://postgres@127.0.0.1:\($0.port)/store\" }" }
            ?? "store: { path: \"\(storePath)\" }"
        try """
            \(storeYAML)
            sources:
              legacy: { dsn: "\(legacy.dsn(database: SourceSide.legacy.database))", watch_schemas: [] }
              new: { dsn: "\(new.dsn(database: SourceSide.new.database))" }
            tables:
            \(SoakTable.all.map(\.yaml).joined(separator: "\n"))
            """.write(toFile: configPath, atomically: true, encoding: .utf8)
        let initRun = try CommandRunner.run([parityBinary, "init", "--config", configPath])
        guard initRun.status == 0 else { throw SoakError("parity init failed: \(initRun.output)") }
    }

    /// Stops and removes the clusters.
    func stop() {
        legacy.stop()
        new.stop()
        storeCluster?.stop()
    }

    /// Reads the store's capture bookkeeping, whichever the store.
    var probe: StoreProbe {
        storeCluster.map { .postgres($0) } ?? .sqlite(path: storePath)
    }

    func cluster(_ side: SourceSide) -> PostgresCluster { side == .legacy ? legacy : new }

    /// pgbench's connection options for a side's cluster (loopback, trust).
    func connection(_ side: SourceSide) -> [String] {
        ["-h", "127.0.0.1", "-p", String(cluster(side).port), "-U", "postgres"]
    }
}

/// Which store the soak captures into (`--store`).
enum SoakStore: String {
    case sqlite, postgres
}

extension SourceSide {
    /// The soak's database on this source.
    var database: String { self == .legacy ? "legacy" : "modern" }
}

/// A soak step that failed, with what it printed.
struct SoakError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) { self.description = description }
}
