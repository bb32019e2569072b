import LogicalReplication
import ParityConfig
import ParityModel
import PostgresClient

/// A snapshot a logical slot exported as it was created. Its WAL position is exact: a transaction whose commit record
/// starts before `position` is in the snapshot, one at or after it is decoded by the slot. It stays importable while
/// the replication connection that created it does nothing else; a temporary slot goes with that connection.
public final class ExportedSnapshot {
    let side: SourceSide
    /// The replication connection that created the slot: closing it ends the snapshot (and drops a temporary slot).
    let replication: PostgresConnection
    /// Where the snapshot is in the WAL (the slot's consistent point).
    public let position: LSN
    /// The exported snapshot's name, for `SET TRANSACTION SNAPSHOT`.
    let name: String
    /// The slot's `IDENTIFY_SYSTEM` answer, read before it was created.
    public let system: (identifier: String, database: String)

    /// Creates slot `slot` (temporary unless `permanent`) exporting its snapshot, on a replication connection of its own.
    public init(side: SourceSide, source: SourceConfiguration, slot: String, temporary: Bool) throws {
        self.side = side
        replication = try PostgresConnection.connect(ConnectionOptions(source: source, replication: .database))
        do {
            let identity = try replication.query("IDENTIFY_SYSTEM").singleRow()
            system = (identity["systemid"].flatMap { $0 } ?? "", identity["dbname"].flatMap { $0 } ?? "")
            let created = try replication.query(temporary
                ? "CREATE_REPLICATION_SLOT \(identifier: slot) TEMPORARY LOGICAL pgoutput EXPORT_SNAPSHOT"
                : "CREATE_REPLICATION_SLOT \(identifier: slot) LOGICAL pgoutput EXPORT_SNAPSHOT").singleRow()
            guard let position = created["consistent_point"].flatMap({ $0 }).flatMap(LSN.init),
                  let name = created["snapshot_name"].flatMap({ $0 }), name.allSatisfy({ $0.isHexDigit || $0 == "-" })
            else {
                throw EngineError(.replicationUnusable, source: side.rawValue, message: "CREATE_REPLICATION_SLOT returned no consistent point or snapshot",
                                  fix: "check the server log")
            }
            self.position = position
            self.name = name
        } catch {
            replication.close()
            throw error
        }
    }

    /// A connection to `source` in a read-only transaction inside the snapshot, without the source's `statement_timeout`:
    /// a table's copy is one COPY statement that lasts as long as the store takes to write the table, which a timeout
    /// meant for Parity's short queries must not cut. The caller closes it.
    public func reader(_ source: SourceConfiguration) throws -> PostgresConnection {
        let connection = try PostgresConnection.connect(ConnectionOptions(source: source))
        do {
            try connection.query("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            try connection.query(PostgresQuery(unsafeSQL: "SET TRANSACTION SNAPSHOT '\(name)'"))
            try connection.query("SET LOCAL statement_timeout = 0")
            return connection
        } catch {
            connection.close()
            throw error
        }
    }

    /// Ends the snapshot (a temporary slot is dropped with the connection).
    public func close() {
        replication.close()
    }
}
