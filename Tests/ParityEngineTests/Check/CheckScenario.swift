import ParityConfig
import ParityTestSupport

/// A legacy and a new database shaped like a real migration, on two throwaway clusters.
struct CheckScenario {
    static let legacySchema = """
        CREATE TABLE public.orders (id int PRIMARY KEY, status char(1) NOT NULL, amount numeric(12,2),
                                    placed_at timestamp, ref uuid, row_version int);
        CREATE TABLE public.audit_log (id bigint, note text);
        """
    static let newSchema = """
        CREATE SCHEMA sales;
        CREATE TYPE sales.order_state AS ENUM ('open', 'paid', 'void');
        CREATE TABLE sales."order" (order_id bigint PRIMARY KEY, state sales.order_state NOT NULL,
                                    total numeric(14,3), placed_at timestamptz, ref int);
        """

    let legacy: PostgresCluster
    let new: PostgresCluster

    init(legacySettings: [String: String] = [:]) throws {
        legacy = try PostgresCluster.start(settings: legacySettings)
        new = try PostgresCluster.start(settings: ["max_slot_wal_keep_size": "'1GB'"])
        try legacy.createDatabase("legacy")
        try new.createDatabase("modern")
        try legacy.run(Self.legacySchema, database: "legacy")
        try new.run(Self.newSchema, database: "modern")
    }

    func stop() {
        legacy.stop()
        new.stop()
    }

    /// A config for the two databases; `columns` and `extra` let a test bend it.
    func yaml(
        legacyDSN: String? = nil,
        legacyTable: String = "public.orders",
        columns: String = Self.goodColumns,
        ignore: String = "{ legacy: [row_version] }"
    ) -> String {
        """
        sources:
          legacy: { dsn: "\(legacyDSN ?? legacy.dsn(database: "legacy"))", connect_timeout: 2s }
          new: { dsn: "\(new.dsn(database: "modern"))" }
        tables:
          - name: orders
            legacy: \(legacyTable)
            new: sales.order
            key: { legacy: [id], new: [order_id] }
            columns:
        \(columns)
            ignore: \(ignore)
        """
    }

    static let goodColumns = """
              - { legacy: status, new: state, map: { O: open, P: paid, V: void } }
              - { legacy: amount, new: total, type: decimal, scale: 2 }
              - { legacy: placed_at, new: placed_at, type: timestamptz, legacy_timezone: America/Vancouver }
        """

    func configuration(_ yaml: String) throws -> ParityConfiguration {
        try ParityConfiguration.parse(yaml: yaml, file: "check.yaml", environment: [:])
    }
}
