import ParityConfig
import ParityModel
import PostgresClient

/// Parity's publications on one source, as `init` created them: the first publishes every operation, the insert-only one
/// (if any) INSERT and TRUNCATE of watched tables without a replica identity.
public struct Publication {
    let connection: PostgresConnection
    let side: SourceSide
    /// The publications the source record names, the full one first.
    let names: [String]

    /// The publications `names` (the full one first) of source `side`, over `connection`.
    public init(connection: PostgresConnection, side: SourceSide, names: [String]) {
        self.connection = connection
        self.side = side
        self.names = names
    }

    /// Whether the full publication publishes `table`.
    public func contains(_ table: QualifiedName) throws(PostgresError) -> Bool {
        guard let full = names.first else { return false }
        return try isMember(table, of: full)
    }

    /// Publishes every operation of `table`: out of the insert-only publication, into the full one.
    public func add(_ table: QualifiedName) throws {
        guard let full = names.first else {
            throw EngineError(.notReady, source: side.rawValue, message: "the store names no publication for this source",
                              fix: "run parity status; the store may come from an older init")
        }
        // A partitioned table is published under its own name (a store from before partitioned tables were supported
        // may have a publication that does not say so yet).
        try connection.query(PostgresQuery(unsafeSQL: "ALTER PUBLICATION \(quoteIdentifier(full)) SET (publish_via_partition_root = true)"))
        for insertOnly in names.dropFirst() where try isMember(table, of: insertOnly) {
            try connection.query(PostgresQuery(unsafeSQL: "ALTER PUBLICATION \(quoteIdentifier(insertOnly)) DROP TABLE \(table.quoted)"))
        }
        try connection.query(PostgresQuery(unsafeSQL: "ALTER PUBLICATION \(quoteIdentifier(full)) ADD TABLE \(table.quoted)"))
    }

    /// Stops publishing `table` in the full publication.
    public func drop(_ table: QualifiedName) throws(PostgresError) {
        guard let full = names.first else { return }
        try connection.query(PostgresQuery(unsafeSQL: "ALTER PUBLICATION \(quoteIdentifier(full)) DROP TABLE \(table.quoted)"))
    }

    private func isMember(_ table: QualifiedName, of publication: String) throws(PostgresError) -> Bool {
        try !connection.query("""
            SELECT 1 FROM pg_publication_tables WHERE pubname = \(publication) AND schemaname = \(table.schema) AND tablename = \(table.name)
            """).rows.isEmpty
    }
}
