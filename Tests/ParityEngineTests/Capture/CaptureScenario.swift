import Foundation
import ParityConfig
import ParityEngine
import ParityModel
import ParityStore
import ParityTestSupport
import PostgresClient

/// Two throwaway clusters with the same small schema, initialized for capture.
struct CaptureScenario {
    static let schema = """
        CREATE TABLE orders (id int PRIMARY KEY, status char(1) NOT NULL, amount numeric(12,2), note text,
                             placed_at timestamp);
        CREATE TABLE lines (order_id int, line_no int, qty int, price numeric(12,3), PRIMARY KEY (order_id, line_no));
        CREATE TABLE heap_log (id bigint, what text);
        ALTER TABLE orders ALTER COLUMN note SET STORAGE EXTERNAL;
        INSERT INTO orders VALUES (1, 'O', 10.00, 'baseline', '2026-11-20 10:00'), (2, 'P', 20.00, NULL, NULL);
        INSERT INTO lines VALUES (1, 1, 2, 5.000), (1, 2, 1, 0.125);
        """

    let legacy: PostgresCluster
    let new: PostgresCluster
    let configuration: ParityConfiguration
    let configPath: String
    let store: ParityStore
    /// Holds the store and the config file.
    let scratch: ScratchDirectory

    /// `extraYAML` is appended to the config (e.g. `cycle:` and `dispositions:`), `noteColumn` replaces the
    /// orders.note column pair, and `newSetup` runs on the new database before init (planted baseline differences).
    init(
        legacySettings: [String: String] = [:], newSettings: [String: String] = [:], extraYAML: String = "",
        noteColumn: String = "{ legacy: note, new: note }", newSetup: String = ""
    ) throws {
        legacy = try PostgresCluster.start(settings: legacySettings)
        new = try PostgresCluster.start(settings: newSettings)
        try legacy.createDatabase("legacy")
        try new.createDatabase("modern")
        try legacy.run(Self.schema, database: "legacy")
        try new.run(Self.schema, database: "modern")
        if !newSetup.isEmpty { try new.run(newSetup, database: "modern") }
        scratch = try ScratchDirectory("capture")
        let storePath = scratch.file("parity.sqlite")
        let yaml = """
            store: { path: "\(storePath)" }
            sources:
              legacy: { dsn: "\(legacy.dsn(database: "legacy"))" }
              new: { dsn: "\(new.dsn(database: "modern"))" }
            tables:
              - { name: orders, legacy: public.orders, new: public.orders, key: { legacy: [id], new: [id] },
                  columns: [{ legacy: status, new: status }, { legacy: amount, new: amount, type: decimal },
                            \(noteColumn), { legacy: placed_at, new: placed_at }] }
              - { name: lines, legacy: public.lines, new: public.lines, key: { legacy: [order_id, line_no], new: [order_id, line_no] },
                  columns: [{ legacy: qty, new: qty, type: integer }, { legacy: price, new: price, type: decimal }] }
            \(ReconciliationScenario.hiddenState)
            \(extraYAML)
            """
        configPath = scratch.file("parity.yaml")
        try yaml.write(toFile: configPath, atomically: true, encoding: .utf8)
        configuration = try ParityConfiguration.parse(yaml: yaml, file: configPath, environment: [:])
        store = try ParityStore.open(path: storePath)
        let outcome = try ParityInit.run(configuration, store: store)
        guard outcome.check.exitCode == 0 else { throw ClusterError("init's checks failed", fix: "see the check report") }
    }

    func stop() {
        legacy.stop()
        new.stop()
    }

    func cluster(_ side: SourceSide) -> PostgresCluster { side == .legacy ? legacy : new }
    func database(_ side: SourceSide) -> String { side == .legacy ? "legacy" : "modern" }

    /// Every row of a source table as the store keys and images it (all columns, as text).
    func sourceImages(_ side: SourceSide, table: String, key: [String]) throws -> [ExactText: [String: String?]] {
        let connection = try cluster(side).connect(database: database(side))
        defer { connection.close() }
        let columns = try connection.query("""
            SELECT attname FROM pg_attribute WHERE attrelid = \(table)::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum
            """).rows.compactMap { $0["attname"] }
        var images: [ExactText: [String: String?]] = [:]
        try connection.copyOut(PostgresQuery(unsafeSQL: "COPY \(table) TO STDOUT")) { values in
            var image: [String: String?] = [:]
            for (index, column) in columns.enumerated() { image[column] = .some(values[index]) }
            images[ExactText(RowJSON.key(key.map { image[$0] ?? nil }))] = image
        }
        return images
    }

    /// Asserts the store's current images equal the source table: same keys, and every stored
    /// column equal (a column added after a row last changed is not in its image yet).
    func mismatches(_ side: SourceSide, mapping: String, table: String, key: [String]) throws -> [String] {
        let source = try sourceImages(side, table: table, key: key)
        let stored = try store.currentImages(side: side, mapping: mapping)
        var problems: [String] = []
        for missing in Set(source.keys).subtracting(stored.keys) { problems.append("\(side) \(mapping) \(missing) missing in store") }
        for extra in Set(stored.keys).subtracting(source.keys) { problems.append("\(side) \(mapping) \(extra) only in store") }
        for (key, image) in stored {
            guard let expected = source[key] else { continue }
            for (column, value) in image where expected[column] != value {
                problems.append("\(side) \(mapping) \(key).\(column): store \(String(describing: value)) source \(String(describing: expected[column]))")
            }
        }
        return problems
    }
}
