import Foundation
import LogicalReplication
import ParityConfig
import ParityModel
import ParityStore
import PostgresClient
import Reconciliation
import SourceQueries

/// Initializes one source: publications, a slot with an exported snapshot, and the baseline copy
/// of every mapped table taken inside that snapshot, so streaming continues exactly where the
/// copy ends. On failure it removes what it created.
struct SourceInitializer {
    let side: SourceSide
    let source: SourceConfiguration
    let configuration: ParityConfiguration
    let store: any Store
    /// Receives the baseline copy's progress.
    let progress: WorkProgress.Sink
    /// Stops the copy when the other source's init failed.
    let cancellation: InitCancellation

    /// The tables this side maps, with their mapping, in config order.
    var mappedTables: [(mapping: TableMapping, table: QualifiedName)] {
        configuration.tables.map { ($0, side == .legacy ? $0.legacy : $0.new) }
    }

    /// Returns the source's record and the rows its baseline copied per mapping. Cancelled before it starts, it throws
    /// `CancellationError` without reaching the source; cancelled during the copy, an ``InitFailure`` caused by one.
    func run() throws -> (record: SourceRecord, copied: [String: Int]) {
        try cancellation.check()
        let connection = try PostgresConnection.connect(ConnectionOptions(source: source))
        defer { connection.close() }
        let catalog = SourceCatalog(connection: connection)
        let watched = side == .legacy
            ? try catalog.watchedTables(schemas: source.watchSchemas, ignoring: configuration.hiddenState.ignoreTables) : []
        let plan = PublicationPlan(mapped: mappedTables.map(\.table), watched: watched)
        var created = CreatedObjects()
        do {
            created.publications = try createPublications(plan, on: connection)
            let snapshot = try ExportedSnapshot(side: side, source: source, slot: source.slot, temporary: false)
            defer { snapshot.close() }
            created.slot = source.slot
            let point = snapshot.position.rawValue
            let (snapshotTime, copied) = try BaselineCopy.copy(
                configuration.tables, side: side, source: source, snapshot: snapshot, store: store, progress: progress,
                cancellation: cancellation)
            let record = SourceRecord(
                side: side, slot: source.slot, publications: created.publications,
                systemIdentifier: snapshot.system.identifier, database: snapshot.system.database,
                consistentPoint: point, checkpointLSN: point, watermark: snapshotTime,
                initializedAt: StoreTime.micros(Date()))
            for (mapping, table) in mappedTables {
                try store.recordMappingCopied(MappingSource(
                    side: side, mapping: mapping.name, table: table.description, copiedAt: point, snapshotTime: snapshotTime,
                    initializedAt: record.initializedAt))
            }
            try store.recordInitialized(record)
            try store.makeDurable()  // the slot now exists for this baseline: keep the baseline through a power failure too
            return (record, copied)
        } catch {
            var leftovers = created.drop(on: connection)
            do {
                try store.discardSource(side: side)
            } catch let discard {
                leftovers.append("its baseline rows in the store (\(discard))")
            }
            throw InitFailure(cause: error, leftovers: leftovers.map { InitFailure.Leftover(side: side, object: $0) })
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
                    .configuration, source: side.rawValue, message: "publication \(name) already exists",
                    fix: "run parity teardown to remove Parity's publications and slots, or set sources.\(side.rawValue).publication")
            }
            let list = tables.map(\.quoted).joined(separator: ", ")
            // A partitioned table's changes are published under its own name, whatever partition holds the row.
            try connection.query(PostgresQuery(unsafeSQL: """
                CREATE PUBLICATION \(quoteIdentifier(name)) FOR TABLE \(list)
                WITH (publish = '\(operations)', publish_via_partition_root = true)
                """))
            names.append(name)
        }
        return names
    }
}

/// What an init created on a source, so a failure can remove it again.
struct CreatedObjects {
    var publications: [String] = []
    var slot: String?

    /// Drops what was created; returns what could not be dropped, each with PostgreSQL's reason (`slot parity_legacy (…)`).
    func drop(on connection: PostgresConnection) -> [String] {
        var leftovers: [String] = []
        if let slot {
            // The walsender that created the slot may hold it for a moment after its connection
            // closed (55006 "is active"): retry for up to five seconds.
            var attempt = 0
            while true {
                attempt += 1
                do {
                    try connection.query("SELECT pg_drop_replication_slot(\(slot)) FROM pg_replication_slots WHERE slot_name = \(slot)")
                    break
                } catch where error.sqlState == "55006" && attempt < 50 {
                    usleep(100_000)
                } catch {
                    leftovers.append("slot \(slot) (\(error))")
                    break
                }
            }
        }
        for publication in publications {
            do {
                try connection.query("DROP PUBLICATION IF EXISTS \(identifier: publication)")
            } catch {
                leftovers.append("publication \(publication) (\(error))")
            }
        }
        return leftovers
    }
}
