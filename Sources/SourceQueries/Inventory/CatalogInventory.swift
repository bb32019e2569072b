import ParityModel
import PostgresClient
import Reconciliation

/// Takes the hidden-state inventory of one database from its catalog, read-only.
public struct CatalogInventory {
    private let connection: PostgresConnection
    private let source: SourceSide
    private let scope: CatalogScope
    private let footprint: ParityFootprint

    /// An inventory reader over `connection`; `schemas` limits it to those schemas (nil: every user schema);
    /// the slots, publications and walsenders of `footprint` are Parity's own and left out.
    public init(connection: PostgresConnection, source: SourceSide, schemas: [String]? = nil, footprint: ParityFootprint = ParityFootprint()) {
        self.connection = connection
        self.source = source
        scope = CatalogScope(schemas: schemas)
        self.footprint = footprint
    }

    /// Reads the catalog. Items come back undocumented; `Inventory.documented(by:)` marks them.
    public func take() throws(PostgresError) -> Inventory {
        let functions = FunctionCatalog(connection: connection, scope: scope)
        let sources = try functions.sources()
        let graph = FunctionGraph(functions: sources)
        let triggers = try functions.triggers(graph)
        let tables = TableRuleCatalog(connection: connection, scope: scope)
        let cron = try CronCatalog(connection: connection).jobs()
        let integrations = IntegrationCatalog(connection: connection)
        let outbound = OutboundIntegrations.items(
            functions: sources.filter { scope.schemas?.contains($0.schema) ?? true },
            untrustedLanguages: try integrations.untrustedLanguages(), triggers: triggers)
        let consumers = ConsumerCatalog(connection: connection, footprint: footprint)
        let items = try functions.eventTriggers(graph) + tables.rules() + tables.policies() + tables.columnExpressions()
            + RelationCatalog(connection: connection, scope: scope).items() + cron.items
            + integrations.foreignServers() + outbound + consumers.items()
        return Inventory(source: source, items: items, triggers: triggers, notes: cron.notes + (try consumers.notes()))
    }
}
