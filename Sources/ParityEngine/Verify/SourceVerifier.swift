import Foundation
import LogicalReplication
import Logging
import ParityConfig
import ParityLogging
import ParityModel
import ParityStore
import PostgresClient
import Reconciliation
import SourceQueries
import Synchronization

/// `parity verify --sources`: proves the store equals each source at an exact position. Each side is checked on its own
/// thread, both at once: it creates a temporary logical slot that exports its snapshot (the way `init` does: the
/// snapshot's WAL position is exact), imports the snapshot and drops the slot, and copies the mapped tables inside the
/// snapshot to files beside the store, in the store's key order; the snapshot ends with that read. Then it waits until
/// capture has stored everything that side committed before the position, and compares
/// every row, as raw text images, with the store's state of that side as of the position, merging both in key order. It
/// never touches Parity's slot or capture; the temporary slot holds no WAL and goes with its connection on any error or
/// signal, and the files go with the process. Memory stays flat however large the tables.
public enum SourceVerifier {
    /// How long capture may take to store what a source committed before a snapshot's position.
    public static let defaultConfirmationTimeout: Duration = .seconds(120)

    /// Checks `sides` (both by default), only the mappings named in `tables` when given, and of those only the ones copied
    /// on each side; each table checked is logged to `logger` with its position and drifts.
    public static func run(
        _ configuration: ParityConfiguration, store: any Store, sides: [SourceSide] = SourceSide.allCases, tables: [String] = [],
        confirmationTimeout: Duration = defaultConfirmationTimeout, now: @Sendable () -> Date = { Date() },
        progress: @escaping WorkProgress.Sink = { _ in }, logger: Logger = .discarding
    ) throws(EngineError) -> SourceVerification {
        let unknown = tables.filter { name in !configuration.tables.contains { $0.name == name } }
        guard unknown.isEmpty else {
            throw EngineError(.usage, source: nil, message: "no table mapping is named \(unknown.joined(separator: ", "))",
                              fix: "give mapping names from the config: \(configuration.tables.map(\.name).joined(separator: ", "))")
        }
        let mappings = configuration.tables.filter { tables.isEmpty || tables.contains($0.name) }
        // A mapping not copied on a side (added to the config, not yet init --add'ed) has nothing stored to prove there.
        let copied: [MappingSource]
        do {
            copied = try store.mappingSources()
        } catch {
            throw EngineError.store(error, doing: "reading the store's mappings", fix: "check the store (store.path or store.url) can be read")
        }
        let directory = configuration.store.spillDirectory
        let outcomes = Mutex<[SourceSide: Result<[CheckedTable], EngineError>]>([:])
        DispatchQueue.concurrentPerform(iterations: sides.count) { index in
            let side = sides[index]
            let outcome = Result { () throws(EngineError) in
                try verify(side, source: source(side, configuration), mappings: mappings.filter { mapping in
                    copied.contains { $0.side == side && $0.mapping == mapping.name }
                }, store: store, directory: directory,
                           confirmationTimeout: confirmationTimeout, progress: progress, logger: logger)
            }
            outcomes.withLock { $0[side] = outcome }
        }
        var checked: [CheckedTable] = []
        for side in sides {
            try checked += outcomes.withLock { $0[side]! }.get()
        }
        return SourceVerification(checkedAt: now(), tables: checked.map(\.table), drifts: checked.flatMap(\.drifts))
    }

    /// One table as checked, with its drifts.
    private struct CheckedTable: Sendable {
        var table: SourceVerification.Table
        var drifts: [SourceVerification.Drift]
    }

    /// Reads `mappings`' tables on `side` inside a snapshot, waits for capture to store past it, and compares.
    private static func verify(
        _ side: SourceSide, source: SourceConfiguration, mappings: [TableMapping], store: any Store, directory: String,
        confirmationTimeout: Duration, progress: @escaping WorkProgress.Sink, logger: Logger
    ) throws(EngineError) -> [CheckedTable] {
        do {
            let snapshot = try SourceSnapshot.take(
                side: side, source: source, mappings: mappings, store: store, directory: directory, progress: progress)
            try waitForCapture(side: side, source: source, store: store, past: snapshot.position, timeout: confirmationTimeout)
            return try snapshot.tables.map { copied in
                let compared = try compare(copied, position: snapshot.position, store: store)
                logger.info("verified a source table against the store", metadata: .parity([
                    .source: side.rawValue, .table: copied.copy.table.description, .lsn: snapshot.position.description,
                    .problems: String(compared.drifts.count),
                ]))
                return CheckedTable(
                    table: .init(side: side, mapping: copied.copy.mapping.name, table: copied.copy.table.description,
                                 position: snapshot.position.description, sourceRows: compared.sourceRows,
                                 storedRows: compared.storedRows, notComparable: compared.notComparable),
                    drifts: compared.drifts)
            }
        } catch let error as EngineError {
            throw error
        } catch let error as PostgresError {
            throw EngineError(.sourceUnreachable, source: side.rawValue, message: "reading the source for verify failed: \(error)",
                              fix: "check that the source is reachable and the role may create replication slots (parity check)")
        } catch {
            throw EngineError.store(error, doing: "verifying the \(side.rawValue) source", fix: "check the store (store.path or store.url) can be read")
        }
    }

    /// Merges a copied table with the store's state of its side as of `position`, both in key order.
    private static func compare(_ copied: SourceSnapshot.CopiedTable, position: LSN, store: any Store) throws -> SourceTableComparison {
        let (side, mapping) = (copied.copy.side, copied.copy.mapping)
        return try store.withSourceState(side: side, mapping: mapping.name, asOf: Int64(position.rawValue)) { reader in
            let closed = { (row: ClosedSourceRow) in StoredRowsAtPosition.ClosedRow(key: row.key, columns: row.columns, image: row.image, lsn: row.lsn) }
            var stored = StoredRowsAtPosition(
                position: Int64(position.rawValue), base: { try reader.nextStateRow().map(closed) },
                delta: { try reader.nextDeltaRow().map(closed) },
                changes: { try reader.nextChange().map { .init(key: $0.key, columns: $0.columns, image: $0.image) } })
            var source = copied.rows()
            return try SourceTableComparison.compare(
                side: side, mapping: mapping.name, table: copied.copy.table.description,
                keyColumns: side == .legacy ? mapping.key.legacy : mapping.key.new,
                source: { try source.next() }, stored: { try stored.next() },
                decodeKey: { RowJSON.decodeKey($0) ?? [] }, decodeImage: { try StoredImageForm.decode($2, columns: $1, key: $0) })
        }
    }

    private static func source(_ side: SourceSide, _ configuration: ParityConfiguration) -> SourceConfiguration {
        side == .legacy ? configuration.sources.legacy : configuration.sources.new
    }

    /// Waits until the store holds everything `side` committed before `position`: capture's checkpoint there (the end of
    /// the last transaction it stored, or the WAL end of an idle keepalive it recorded) is at or past it. Capture
    /// confirms that checkpoint to the slot only at its next status update (every 10 s), after making it survive power
    /// loss; reading the store needs only that the store holds it, so an idle source's wait is one keepalive, not one
    /// status interval.
    private static func waitForCapture(
        side: SourceSide, source: SourceConfiguration, store: any Store, past position: LSN, timeout: Duration
    ) throws {
        let connection = try PostgresConnection.connect(ConnectionOptions(source: source))
        defer { connection.close() }
        let deadline = ContinuousClock.now + timeout
        var stored: LSN?
        repeat {
            stored = try store.sourceRecord(side: side).map { LSN(rawValue: $0.checkpointLSN) }
            if let stored, stored >= position { return }
            let slots = try connection.query("SELECT 1 AS found FROM pg_replication_slots WHERE slot_name = \(source.slot)").rows
            guard !slots.isEmpty else {
                throw EngineError(.replicationUnusable, source: side.rawValue, message: "Parity's slot \(source.slot) does not exist",
                                  fix: "run parity status; a lost slot needs parity teardown and parity init")
            }
            Thread.sleep(forTimeInterval: 0.1)
        } while ContinuousClock.now < deadline
        throw EngineError(
            .timedOut, source: side.rawValue,
            message: "capture has not stored past the snapshot at \(position) (the store holds \(side.rawValue) through \(stored?.description ?? "nothing"))",
            fix: "keep parity capture (or parity run) running while verify runs")
    }
}
