import Foundation
import ParityConfig
import ParityModel
import PostgresClient

/// Catalog queries `parity init` needs on one source.
public struct SourceCatalog {
    let connection: PostgresConnection

    /// A catalog reader over `connection`.
    public init(connection: PostgresConnection) {
        self.connection = connection
    }

    /// Ordinary and partitioned permanent tables of the watched schemas with whether UPDATE/DELETE would replicate.
    /// Partitions are left out: their partitioned table (published via its root) carries their changes.
    public func watchedTables(schemas: [String], ignoring ignored: [QualifiedName]) throws(PostgresError) -> [(table: QualifiedName, hasReplicaIdentity: Bool)] {
        guard !schemas.isEmpty else { return [] }
        let ignoredSet = Set(ignored)
        let rows = try connection.query("""
            SELECT n.nspname AS schema, c.relname AS name,
                   (c.relreplident = 'f'
                    OR (c.relreplident = 'd' AND EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.oid AND i.indisprimary))
                    OR (c.relreplident = 'i' AND EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.oid AND i.indisreplident))
                   ) AS has_identity
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relpersistence = 'p' AND n.nspname = ANY(\(textArrayLiteral(schemas))::text[])
            ORDER BY 1, 2
            """).rows
        var tables: [(table: QualifiedName, hasReplicaIdentity: Bool)] = []
        for row in rows {
            let table = QualifiedName(schema: try row.decode(String.self, "schema"), name: try row.decode(String.self, "name"))
            if !ignoredSet.contains(table) { tables.append((table, try row.decode(Bool.self, "has_identity"))) }
        }
        return tables
    }

    /// The columns COPY and pgoutput both carry (not dropped, not generated), in table order.
    public func copiedColumns(_ table: QualifiedName) throws(PostgresError) -> [String] {
        try connection.query("""
            SELECT a.attname AS name FROM pg_attribute a
            JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = \(table.schema) AND c.relname = \(table.name)
              AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
            ORDER BY a.attnum
            """).rows.map { row throws(PostgresError) in try row.decode(String.self, "name") }
    }
}

extension SourceCatalog {
    /// The planner's estimate of a table's rows (`pg_class.reltuples`); nil when it was never analyzed or vacuumed.
    public func estimatedRows(_ table: QualifiedName) throws(PostgresError) -> Int? {
        let rows = try connection.query("""
            SELECT c.reltuples::int8 AS estimate FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = \(table.schema) AND c.relname = \(table.name)
            """).rows
        guard let estimate = try rows.first?.decode(Int64.self, "estimate"), estimate >= 0 else { return nil }
        return Int(estimate)
    }
}

/// A PostgreSQL array literal (`{"a","b"}`) for binding a list of names as one text parameter.
public func textArrayLiteral(_ values: [String]) -> String {
    let elements = values.map { "\"" + $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
    return "{" + elements.joined(separator: ",") + "}"
}

extension QualifiedName {
    /// The name quoted for SQL: `"schema"."table"`.
    public var quoted: String { quoteIdentifier(schema) + "." + quoteIdentifier(name) }
}
