import PostgresClient
import Reconciliation

/// Takes the hidden-state inventory of one database from its catalog, read-only.
public struct CatalogInventory {
    private let connection: PostgresConnection
    private let source: String
    private let scope: CatalogScope

    /// An inventory reader over `connection`; `schemas` limits it to those schemas (nil: every user schema).
    public init(connection: PostgresConnection, source: String, schemas: [String]? = nil) {
        self.connection = connection
        self.source = source
        scope = CatalogScope(schemas: schemas)
    }

    /// Reads the catalog. Items come back undocumented; `Inventory.documented(by:)` marks them.
    public func take() throws(PostgresError) -> Inventory {
        let functions = FunctionCatalog(connection: connection, scope: scope)
        let graph = try functions.graph()
        let tables = TableRuleCatalog(connection: connection, scope: scope)
        let cron = try CronCatalog(connection: connection).jobs()
        let items = try functions.eventTriggers(graph) + tables.rules() + tables.policies() + tables.columnExpressions()
            + RelationCatalog(connection: connection, scope: scope).items() + cron.items
        return Inventory(source: source, items: items, triggers: try functions.triggers(graph), notes: cron.notes)
    }
}
