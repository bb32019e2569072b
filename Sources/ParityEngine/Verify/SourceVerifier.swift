import Foundation
import LogicalReplication
import ParityConfig
import ParityStore
import PostgresClient
import Reconciliation

/// `parity verify --sources`: proves the store equals each source at an exact position. For each side it creates a
/// temporary logical slot that exports its snapshot (the way `init` does: the snapshot's WAL position is exact), copies
/// the mapped tables inside that snapshot and lets the slot go, waits until Parity's own slot has confirmed past that
/// position (capture only confirms what is durable in the store), then compares every row, as raw text images, with
/// the store's state of that side as of the position. It never touches Parity's slot or capture; the temporary slot
/// lives only while the copy runs and goes with the connection on any error or signal.
public enum SourceVerifier {
    /// How long capture may take to confirm past a snapshot's position.
    public static let defaultConfirmationTimeout: Duration = .seconds(120)

    /// Checks `sides` (both by default), only the mappings named in `tables` when given.
    public static func run(
        _ configuration: ParityConfiguration, store: ParityStore, sides: [SourceSide] = SourceSide.allCases, tables: [String] = [],
        confirmationTimeout: Duration = defaultConfirmationTimeout, now: @Sendable () -> Date = { Date() },
        progress: @escaping CopyProgress.Sink = { _ in }
    ) throws(EngineError) -> SourceVerification {
        let unknown = tables.filter { name in !configuration.tables.contains { $0.name == name } }
        guard unknown.isEmpty else {
            throw EngineError(source: nil, message: "no table mapping is named \(unknown.joined(separator: ", "))",
                              fix: "give mapping names from the config: \(configuration.tables.map(\.name).joined(separator: ", "))",
                              exitCode: 2)
        }
        let mappings = configuration.tables.filter { tables.isEmpty || tables.contains($0.name) }
        var checked: [SourceVerification.Table] = []
        var drifts: [SourceVerification.Drift] = []
        for side in sides {
            let source = side == .legacy ? configuration.sources.legacy : configuration.sources.new
            do {
                let snapshot = try SourceSnapshot.take(side: side, source: source, mappings: mappings, progress: progress)
                try waitForConfirmation(side: side, source: source, past: snapshot.position, timeout: confirmationTimeout)
                for copied in snapshot.tables {
                    let stored = try store.sourceState(side: side.rawValue, mapping: copied.mapping.name, asOf: Int64(snapshot.position.rawValue))
                    let table = side == .legacy ? copied.mapping.legacy : copied.mapping.new
                    checked.append(.init(
                        side: side.rawValue, mapping: copied.mapping.name, table: table.description, position: snapshot.position.description,
                        sourceRows: copied.rows.count, storedRows: stored.images.count, notComparable: stored.unknown.count))
                    drifts += SourceVerification.drifts(
                        side: side.rawValue, mapping: copied.mapping.name, table: table.description,
                        keyColumns: side == .legacy ? copied.mapping.key.legacy : copied.mapping.key.new, source: copied.rows,
                        stored: stored.images, unknown: stored.unknown, decodeKey: { RowJSON.decodeKey($0) ?? [] })
                }
            } catch let error as EngineError {
                throw error
            } catch let error as PostgresError {
                throw EngineError(source: side.rawValue, message: "reading the source for verify failed: \(error)",
                                  fix: "check that the source is reachable and the role may create replication slots (parity check)",
                                  exitCode: 3)
            } catch {
                throw EngineError(source: side.rawValue, message: "verifying the source failed: \(error)",
                                  fix: "check the store file (store.path) is readable", exitCode: 2)
            }
        }
        return SourceVerification(checkedAt: now(), tables: checked, drifts: drifts)
    }

    /// Waits until Parity's slot on `side` has confirmed `position` (everything before it is durable in the store).
    private static func waitForConfirmation(side: SourceSide, source: SourceConfiguration, past position: LSN, timeout: Duration) throws {
        let connection = try PostgresConnection.connect(ConnectionOptions(source: source))
        defer { connection.close() }
        let deadline = ContinuousClock.now + timeout
        var confirmed: LSN?
        repeat {
            let rows = try connection.query(
                "SELECT confirmed_flush_lsn::text AS confirmed FROM pg_replication_slots WHERE slot_name = \(source.slot)").rows
            guard let row = rows.first else {
                throw EngineError(source: side.rawValue, message: "Parity's slot \(source.slot) does not exist",
                                  fix: "run parity status; a lost slot needs parity teardown and parity init", exitCode: 3)
            }
            confirmed = row["confirmed"].flatMap { $0 }.flatMap(LSN.init)
            if let confirmed, confirmed >= position { return }
            Thread.sleep(forTimeInterval: 0.25)
        } while ContinuousClock.now < deadline
        throw EngineError(
            source: side.rawValue,
            message: "capture has not confirmed past the snapshot at \(position) (slot \(source.slot) confirmed \(confirmed?.description ?? "nothing"))",
            fix: "keep parity capture (or parity run) running while verify runs", exitCode: 3)
    }
}

/// The mapped tables of one source copied inside a snapshot whose WAL position is exact.
struct SourceSnapshot {
    struct CopiedTable {
        let mapping: TableMapping
        /// Key text (JSON array of the key's values) → the row's image, every column by name.
        let rows: [String: [String: String?]]
    }

    /// Where the snapshot is: every transaction that committed before it is in it, none after.
    let position: LSN
    let tables: [CopiedTable]

    /// Creates a temporary slot exporting its snapshot, copies `mappings`' tables on `side` inside it, and drops the slot
    /// (it is temporary: closing its connection drops it, also on any error).
    static func take(
        side: SourceSide, source: SourceConfiguration, mappings: [TableMapping], progress: @escaping CopyProgress.Sink
    ) throws -> SourceSnapshot {
        let snapshot = try ExportedSnapshot(side: side, source: source, slot: "parity_verify_\(getpid())_\(side.rawValue)", temporary: true)
        defer { snapshot.close() }
        let connection = try snapshot.reader(source)
        defer { connection.close() }
        let catalog = SourceCatalog(connection: connection)
        var tables: [CopiedTable] = []
        for mapping in mappings {
            let table = try TableCopy(side: side, mapping: mapping, catalog: catalog)
            var rows: [String: [String: String?]] = [:]
            try table.copy(on: connection, progress: progress) { values in
                rows[RowJSON.key(table.keyPositions.map { values[$0] })] = Dictionary(
                    zip(table.columns, values), uniquingKeysWith: { first, _ in first })
            }
            tables.append(CopiedTable(mapping: mapping, rows: rows))
        }
        return SourceSnapshot(position: snapshot.position, tables: tables)
    }
}
