import ParityConfig
import ParityModel
import PostgresClient

/// The keys each scope table lists (`tables[].scope: { table, column, source }`), read from its source once per
/// `parity close`, when the first due cycle closes. A scope table that cannot be read stops the close: comparing
/// under a guessed scope would report rows nobody migrated, or skip rows that were.
public struct ScopeKeys {
    let configuration: ParityConfiguration
    private var taken: [String: Set<ExactText>]?

    /// The scope tables of `configuration`; nothing is read until ``keys()``.
    public init(configuration: ParityConfiguration) {
        self.configuration = configuration
    }

    /// Per mapping scoped by a key table, the values its column holds (NULLs left out).
    public mutating func keys() throws(EngineError) -> [String: Set<ExactText>] {
        if let taken { return taken }
        var keys: [String: Set<ExactText>] = [:]
        for mapping in configuration.tables {
            guard case .keyTable(let table) = mapping.scope else { continue }
            keys[mapping.name] = try Self.read(table, mapping: mapping.name, source: configuration.sources[table.source])
        }
        taken = keys
        return keys
    }

    private static func read(_ table: ScopeKeyTable, mapping: String, source: SourceConfiguration) throws(EngineError) -> Set<ExactText> {
        let column = quoteIdentifier(table.column)
        let sql = "SELECT DISTINCT \(column)::text FROM \(quoteIdentifier(table.table.schema)).\(quoteIdentifier(table.table.name))"
            + " WHERE \(column) IS NOT NULL"
        do {
            let connection = try PostgresConnection.connect(ConnectionOptions(source: source))
            defer { connection.close() }
            return Set(try connection.query(PostgresQuery(unsafeSQL: sql)).rows.compactMap { $0.values.first ?? nil }.map { ExactText($0) })
        } catch {
            throw EngineError(
                .sourceUnreachable, source: table.source.rawValue, message: "reading the scope table \(table.table) of \(mapping) failed: \(error)",
                fix: "check that \(table.table).\(table.column) exists on the \(table.source.rawValue) source and parity's role may read it;"
                    + " the cycle closes once it can be read")
        }
    }
}
