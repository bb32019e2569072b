import Foundation
import PostgresClient

/// Which schemas an inventory looks at: all user schemas (never `pg_*` or `information_schema`),
/// optionally only the listed ones. Objects that belong to an extension are left out.
struct CatalogScope: Sendable {
    /// The schemas to look at; nil for every user schema.
    var schemas: [String]?

    /// A query whose text uses `$1` (a `text[]` or NULL) through `namespaceFilter`.
    func query(_ sql: String) -> PostgresQuery {
        PostgresQuery(unsafeSQL: sql, binds: [schemas.map(Self.arrayLiteral)])
    }

    /// The predicate on a schema-name column that keeps this scope.
    static func namespaceFilter(_ column: String) -> String {
        "\(column) <> 'information_schema' AND \(column) NOT LIKE 'pg\\_%' AND ($1::text[] IS NULL OR \(column) = ANY($1::text[]))"
    }

    /// The predicate that drops objects created by an extension (`CREATE EXTENSION` members).
    static func notExtensionMember(catalog: String, oid: String) -> String {
        "NOT EXISTS (SELECT 1 FROM pg_depend member WHERE member.classid = '\(catalog)'::regclass AND member.objid = \(oid) AND member.deptype = 'e')"
    }

    /// A `text[]` literal with every element quoted.
    private static func arrayLiteral(_ items: [String]) -> String {
        "{" + items.map { "\"" + $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
            .joined(separator: ",") + "}"
    }
}
