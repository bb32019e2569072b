import Foundation
import LogicalReplication
import ParityConfig
import ParityModel
import ParityStore
import PostgresClient
import SourceQueries

/// The mapped tables of one source read inside a snapshot whose WAL position is exact, in the store's key order, each
/// kept in a file (``LineSpill``) as the key and image texts the store would hold, until the store can be compared with it.
struct SourceSnapshot {
    struct CopiedTable {
        let copy: TableCopy
        /// The table's rows as encoded lines (``SourceRowEncoder``), in the store's key order.
        let lines: LineSpill

        /// The rows read back, as the comparison takes them.
        func rows() -> SpilledRows {
            SpilledRows(lines, columns: copy.columns, side: copy.side, table: copy.table)
        }
    }

    let side: SourceSide
    /// Where the snapshot is: every transaction that committed before it is in it, none after.
    let position: LSN
    let tables: [CopiedTable]

    /// Creates a temporary slot exporting its snapshot, imports the snapshot into a read-only transaction and drops the
    /// slot at once (closing its connection), so no WAL is held while `mappings`' tables on `side` are read, encoded as
    /// they arrive, into files in `directory`; the snapshot ends with the read.
    static func take(
        side: SourceSide, source: SourceConfiguration, mappings: [TableMapping], store: any CaptureStore, directory: String,
        progress: @escaping WorkProgress.Sink
    ) throws -> SourceSnapshot {
        let snapshot = try ExportedSnapshot(side: side, source: source, slot: "parity_verify_\(getpid())_\(side.rawValue)", temporary: true)
        let connection: PostgresConnection
        do {
            connection = try snapshot.reader(source)
        } catch {
            snapshot.close()
            throw error
        }
        snapshot.close()
        defer { connection.close() }
        let catalog = SourceCatalog(connection: connection)
        var tables: [CopiedTable] = []
        for mapping in mappings {
            let table = try TableCopy(side: side, mapping: mapping, catalog: catalog)
            var encoder = SourceRowEncoder(form: try store.imageForm(columns: table.columns), keyPositions: table.keyPositions)
            let lines = try LineSpill(side: side, directory: directory)
            let order = try StoreKeyOrder.orderBy(keyColumns: side == .legacy ? mapping.key.legacy : mapping.key.new, of: table.table, on: connection)
            try table.copyLines(on: connection, orderedBy: order, progress: progress) { line in
                try encoder.encode(line) { try lines.append($0) }
            }
            tables.append(CopiedTable(copy: table, lines: lines))
        }
        return SourceSnapshot(side: side, position: snapshot.position, tables: tables)
    }
}
