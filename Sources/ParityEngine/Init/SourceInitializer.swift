import Foundation
import LogicalReplication
import ParityConfig
import ParityStore
import PostgresClient
import Reconciliation

/// Initializes one source: publications, a slot with an exported snapshot, and the baseline copy
/// of every mapped table taken inside that snapshot, so streaming continues exactly where the
/// copy ends. On failure it removes what it created.
struct SourceInitializer {
    let side: SourceSide
    let source: SourceConfiguration
    let configuration: ParityConfiguration
    let store: ParityStore
    /// Called with (mapping, rows copied so far) during the baseline copy.
    let progress: @Sendable (String, Int) -> Void

    static let baselineBatchSize = 10_000

    /// The tables this side maps, with their mapping, in config order.
    var mappedTables: [(mapping: TableMapping, table: QualifiedName)] {
        configuration.tables.map { ($0, side == .legacy ? $0.legacy : $0.new) }
    }

    func run() throws -> SourceRecord {
        let connection = try PostgresConnection.connect(ConnectionOptions(source: source))
        defer { connection.close() }
        let catalog = SourceCatalog(connection: connection)
        let watched = side == .legacy
            ? try catalog.watchedTables(schemas: source.watchSchemas, ignoring: configuration.hiddenState.ignoreTables) : []
        let plan = PublicationPlan(mapped: mappedTables.map(\.table), watched: watched)
        var created = CreatedObjects()
        do {
            created.publications = try createPublications(plan, on: connection)
            let replication = try PostgresConnection.connect(ConnectionOptions(source: source, replication: .database))
            defer { replication.close() }
            let system = try replication.query("IDENTIFY_SYSTEM").singleRow()
            let slot = try replication.query("CREATE_REPLICATION_SLOT \(identifier: source.slot) LOGICAL pgoutput EXPORT_SNAPSHOT").singleRow()
            created.slot = source.slot
            guard let point = slot["consistent_point"].flatMap(LSN.init)?.rawValue, let snapshot = slot["snapshot_name"] else {
                throw EngineError(source: side.rawValue, message: "CREATE_REPLICATION_SLOT returned no consistent point or snapshot",
                                  fix: "check the server log", exitCode: 3)
            }
            let snapshotTime = try copyBaseline(snapshot: snapshot, consistentPoint: point, catalog: catalog, connection: connection)
            let record = SourceRecord(
                side: side.rawValue, slot: source.slot, publications: created.publications,
                systemIdentifier: system["systemid"] ?? "", database: system["dbname"] ?? "",
                consistentPoint: point, checkpointLSN: point, watermark: snapshotTime,
                initializedAt: StoreTime.micros(Date()))
            try store.recordInitialized(record)
            try store.makeDurable()  // the slot now exists for this baseline: keep the baseline through a power failure too
            return record
        } catch {
            created.drop(on: connection)
            try? store.discardSource(side: side.rawValue)
            throw error
        }
    }

    private func createPublications(_ plan: PublicationPlan, on connection: PostgresConnection) throws -> [String] {
        var names: [String] = []
        for (name, tables, operations) in [
            (source.publication, plan.full, "insert, update, delete, truncate"),
            (PublicationPlan.insertOnlyName(for: source.publication), plan.insertOnly, "insert, truncate"),
        ] where !tables.isEmpty {
            let exists = try connection.query("SELECT 1 FROM pg_publication WHERE pubname = \(name)")
            guard exists.rows.isEmpty else {
                throw EngineError(
                    source: side.rawValue, message: "publication \(name) already exists",
                    fix: "run parity teardown to remove Parity's publications and slots, or set sources.\(side.rawValue).publication", exitCode: 2)
            }
            let list = tables.map(\.quoted).joined(separator: ", ")
            try connection.query(PostgresQuery(unsafeSQL: "CREATE PUBLICATION \(quoteIdentifier(name)) FOR TABLE \(list) WITH (publish = '\(operations)')"))
            names.append(name)
        }
        return names
    }

    /// Copies every mapped table inside the exported snapshot into row state; returns the
    /// snapshot's time (µs since 1970, server clock) as the first watermark.
    private func copyBaseline(snapshot: String, consistentPoint: UInt64, catalog: SourceCatalog, connection: PostgresConnection) throws -> Int64 {
        guard snapshot.allSatisfy({ $0.isHexDigit || $0 == "-" }) else {
            throw EngineError(source: side.rawValue, message: "unexpected snapshot name from the server", fix: "check the server version", exitCode: 3)
        }
        try connection.query("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        defer { _ = try? connection.query("ROLLBACK") }
        try connection.query(PostgresQuery(unsafeSQL: "SET TRANSACTION SNAPSHOT '\(snapshot)'"))
        let now = try connection.query("SELECT (extract(epoch FROM now()) * 1000000)::int8 AS micros").singleRow()
        for (mapping, table) in mappedTables {
            // Columns are selected in name order, the order of a stored image's values, so each row is written as it arrives.
            let columns = try catalog.copiedColumns(table).sorted()
            let keyColumns = side == .legacy ? mapping.key.legacy : mapping.key.new
            let keyPositions = keyColumns.compactMap { columns.firstIndex(of: $0) }
            guard keyPositions.count == keyColumns.count else {
                throw EngineError(source: side.rawValue, message: "\(table) lacks key columns \(keyColumns.joined(separator: ", "))",
                                  fix: "run parity check and correct the mapping \(mapping.name)", exitCode: 2)
            }
            var batch: [(key: String, values: String)] = []
            var copied = 0
            let list = columns.map(quoteIdentifier).joined(separator: ", ")
            try connection.copyOut(PostgresQuery(unsafeSQL: "COPY (SELECT \(list) FROM \(table.quoted)) TO STDOUT")) { values in
                batch.append((RowJSON.key(keyPositions.map { values[$0] }), RowJSON.key(values)))
                if batch.count == Self.baselineBatchSize {
                    try store.insertBaseline(side: side.rawValue, mapping: mapping.name, columns: columns, encoded: batch, lsn: consistentPoint)
                    copied += batch.count
                    batch.removeAll(keepingCapacity: true)
                    progress(mapping.name, copied)
                }
            }
            try store.insertBaseline(side: side.rawValue, mapping: mapping.name, columns: columns, encoded: batch, lsn: consistentPoint)
            progress(mapping.name, copied + batch.count)
        }
        return try now.decode(Int64.self, "micros")
    }
}

/// What an init created on a source, so a failure can remove it again.
struct CreatedObjects {
    var publications: [String] = []
    var slot: String?

    func drop(on connection: PostgresConnection) {
        if let slot {
            // The walsender that created the slot may hold it for a moment after its connection
            // closed (55006 "is active"): retry for up to five seconds.
            for _ in 0..<50 {
                do {
                    try connection.query("SELECT pg_drop_replication_slot(\(slot)) FROM pg_replication_slots WHERE slot_name = \(slot)")
                    break
                } catch where error.sqlState == "55006" {
                    usleep(100_000)
                } catch {
                    break
                }
            }
        }
        for publication in publications {
            _ = try? connection.query("DROP PUBLICATION IF EXISTS \(identifier: publication)")
        }
    }
}
