import Foundation
import ParityConfig
import ParityEngine
import ParityModel
import ParityStore
import ParityTestSupport
import PostgresClient
import PostgresStore

/// Two throwaway clusters with one mapped table (`orders`) and a tick table, initialized for capture, with a config
/// file of 6-second cycles (UTC, no settle) and an HTTP section: the service listens on 127.0.0.1, port 0 unless told.
/// The store is a SQLite file, or the PostgreSQL database at `storeURL`.
struct ServiceScenario {
    static let schema = """
        CREATE TABLE orders (id int PRIMARY KEY, status text NOT NULL, amount numeric(12,2));
        CREATE TABLE heap_log (id bigint, what text);
        INSERT INTO orders VALUES (1, 'open', 10.00), (2, 'paid', 20.00);
        """

    let legacy: PostgresCluster
    let new: PostgresCluster
    let configuration: ParityConfiguration
    let configPath: String
    let store: any Store
    /// Holds the store and the config file.
    let scratch: ScratchDirectory

    init(token: String? = nil, storeURL: String? = nil) throws {
        legacy = try PostgresCluster.start()
        new = try PostgresCluster.start()
        try legacy.createDatabase("legacy")
        try new.createDatabase("modern")
        try legacy.run(Self.schema, database: "legacy")
        try new.run(Self.schema, database: "modern")
        scratch = try ScratchDirectory("service")
        let storePath = scratch.file("parity.sqlite")
        let yaml = """
            store: { \(storeURL.map { "url: \"\($0)\"" } ?? "path: \"\(storePath)\"") }
            sources:
              legacy: { dsn: "\(legacy.dsn(database: "legacy"))" }
              new: { dsn: "\(new.dsn(database: "modern"))" }
            cycle: { period: 6s, timezone: UTC, settle: 0s, grace: 1s }
            tables:
              - { name: orders, legacy: public.orders, new: public.orders, key: { legacy: [id], new: [id] },
                  columns: [{ legacy: status, new: status }, { legacy: amount, new: amount, type: decimal }] }
            http: { listen: "127.0.0.1:0"\(token.map { ", token: \"\($0)\"" } ?? "") }
            """
        configPath = scratch.file("parity.yaml")
        try yaml.write(toFile: configPath, atomically: true, encoding: .utf8)
        configuration = try ParityConfiguration.parse(yaml: yaml, file: configPath, environment: [:])
        if let storeURL {
            store = try PostgresStore.open(url: storeURL)
        } else {
            store = try ParityStore.open(path: storePath)
        }
        let outcome = try ParityInit.run(configuration, store: store)
        guard outcome.check.exitCode == 0 else { throw ClusterError("init's checks failed", fix: "see the check report") }
    }

    func stop() {
        legacy.stop()
        new.stop()
    }

    /// Shadow traffic: the same order written to new, then (only if that worked) to legacy; false when new refused it.
    @discardableResult
    func shadowWrite(id: Int) -> Bool {
        let script = "INSERT INTO orders VALUES (\(id), 'open', \(id).50)"
        guard (try? new.run(script, database: "modern")) != nil else { return false }
        return (try? legacy.run(script, database: "legacy")) != nil
    }

    /// The order ids a source holds now.
    func sourceKeys(_ side: SourceSide) throws -> Set<ExactText> {
        let (cluster, database) = side == .legacy ? (legacy, "legacy") : (new, "modern")
        let connection = try cluster.connect(database: database)
        defer { connection.close() }
        return Set(try connection.query("SELECT id::text AS id FROM orders").rows.compactMap { $0["id"] }.map { ExactText(RowJSON.key([$0])) })
    }

    /// The order ids the store holds for a source.
    func storedKeys(_ side: SourceSide) throws -> Set<ExactText> {
        Set(try store.currentImages(side: side, mapping: "orders").keys)
    }

    /// The slot's confirmed flush position as the source server reports it.
    func confirmedFlush(_ side: SourceSide) throws -> String? {
        let (cluster, database) = side == .legacy ? (legacy, "legacy") : (new, "modern")
        let connection = try cluster.connect(database: database)
        defer { connection.close() }
        return try connection.query("SELECT confirmed_flush_lsn::text AS lsn FROM pg_replication_slots").rows.first?["lsn"]
    }

    /// The store's durable position for a source.
    func checkpoint(_ side: SourceSide) throws -> UInt64 {
        try store.sourceRecord(side: side)?.checkpointLSN ?? 0
    }
}

/// Polls `condition` every 200 ms until it holds or `seconds` pass; true when it held.
func eventually(within seconds: Double, _ condition: () async throws -> Bool) async rethrows -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if try await condition() { return true }
        try? await Task.sleep(for: .milliseconds(200))
    }
    return try await condition()
}
